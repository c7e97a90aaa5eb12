import { describe, expect, it } from 'vitest';
import { cohortCalendar } from './ics';

const cohort = {
	enrolmentId: 'e1',
	live: true,
	updatedAt: new Date('2026-03-01T00:00:00Z'),
	summary: '의료기기 인허가 입문 (식약처), 2026-03 기수',
	location: '원주의료기기테크노밸리 교육장',
	url: 'https://portal.example/courses/mfds-approval-basics',
	meetings: [
		{ id: 'm1', start: new Date('2026-03-10T05:00:00Z'), end: new Date('2026-03-10T08:00:00Z') },
		{ id: 'm2', start: new Date('2026-03-17T05:00:00Z'), end: new Date('2026-03-17T08:00:00Z') }
	]
};

describe('cohort calendar', () => {
	it('has one confirmed event per meeting with escaped, folded text', () => {
		const ics = cohortCalendar(cohort, 'portal.example');
		expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
		expect(ics).toContain('DTSTART:20260310T050000Z');
		expect(ics).toContain('UID:meeting-m2-e1@portal.example');
		expect(ics).toContain('STATUS:CONFIRMED');
		expect(ics).toContain('(식약처)\\, 2026');
		for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
	});

	it('cancels every event once the enrolment is no longer live', () => {
		const ics = cohortCalendar({ ...cohort, live: false }, 'portal.example');
		expect(ics).toContain('METHOD:CANCEL');
		expect(ics.match(/STATUS:CANCELLED/g)).toHaveLength(2);
	});
});
