import { describe, expect, it } from 'vitest';
import { writeCalendar } from './ics';

const event = {
	uid: 'ir-1@x.example',
	sequence: 3,
	stamp: new Date('2026-03-01T00:00:00Z'),
	start: new Date('2026-03-10T05:00:00Z'),
	end: new Date('2026-03-10T06:00:00Z'),
	status: 'CANCELLED' as const,
	summary: 'IR: 심방세동; 선별, 발표\n2부'
};

describe('writeCalendar', () => {
	it('writes a subscribable calendar with its name, refresh interval and events', () => {
		const text = writeCalendar({
			prodId: '-//MedCluster//Test//EN',
			name: '내 일정, 메드클러스터',
			refreshMinutes: 60,
			events: [event, { ...event, uid: 'ir-2@x.example', status: 'CONFIRMED' }]
		});
		const lines = text.split('\r\n');
		expect(lines.slice(0, 5)).toEqual([
			'BEGIN:VCALENDAR',
			'VERSION:2.0',
			'PRODID:-//MedCluster//Test//EN',
			'CALSCALE:GREGORIAN',
			'METHOD:PUBLISH'
		]);
		expect(text).toContain('X-WR-CALNAME:내 일정\\, 메드클러스터\r\n');
		expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT60M\r\nX-PUBLISHED-TTL:PT60M\r\n');
		expect(text).toContain('SUMMARY:IR: 심방세동\\; 선별\\, 발표\\n2부\r\n');
		expect(text).toContain(
			'SEQUENCE:3\r\nDTSTAMP:20260301T000000Z\r\nDTSTART:20260310T050000Z\r\nDTEND:20260310T060000Z\r\nSTATUS:CANCELLED\r\n'
		);
		expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
		expect(text).not.toContain('DESCRIPTION');
		expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
	});

	it('leaves the name and refresh out of a single download', () => {
		const text = writeCalendar({ prodId: 'p', method: 'CANCEL', events: [event] });
		expect(text).toContain('METHOD:CANCEL\r\n');
		expect(text).not.toContain('X-WR-CALNAME');
		expect(text).not.toContain('REFRESH-INTERVAL');
	});
});
