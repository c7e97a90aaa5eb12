import { describe, expect, it } from 'vitest';
import { bookingCalendar, escapeText, foldLine } from './ics';

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('ics', () => {
	it('folds long Korean lines at 75 octets without splitting a character', () => {
		const line = `SUMMARY:${'3D 프린터 안전 교육 및 장비 예약 '.repeat(6)}`;
		const folded = foldLine(line);
		const lines = folded.split('\r\n');
		expect(lines.length).toBeGreaterThan(1);
		for (const l of lines) expect(octets(l)).toBeLessThanOrEqual(75);
		expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
		expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(line);
	});

	it('escapes text values', () => {
		expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
	});

	it('writes a stable UID, SEQUENCE, STATUS and UTC times', () => {
		const text = bookingCalendar(
			{
				id: 'abc',
				sequence: 2,
				status: 'pending',
				start: new Date('2026-03-10T05:00:00Z'),
				end: new Date('2026-03-10T07:00:00Z'),
				updatedAt: new Date('2026-03-01T00:00:00Z'),
				summary: '웨어러블, 시험',
				description: 'x',
				location: '원주',
				url: 'https://x.example/b'
			},
			'x.example'
		);
		expect(text).toContain('UID:booking-abc@x.example\r\n');
		expect(text).toContain('SEQUENCE:2\r\n');
		expect(text).toContain('STATUS:TENTATIVE\r\n');
		expect(text).toContain('DTSTART:20260310T050000Z\r\n');
		expect(text).toContain('SUMMARY:웨어러블\\, 시험\r\n');
		expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
	});
});
