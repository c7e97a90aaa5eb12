import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat } from './intl-cache';

describe('intl-cache', () => {
	it('returns one formatter per locale and options, formatting like a fresh one', () => {
		const a = dateTimeFormat('ko-KR', { dateStyle: 'medium', timeZone: 'Asia/Seoul' });
		const b = dateTimeFormat('ko-KR', { dateStyle: 'medium', timeZone: 'Asia/Seoul' });
		expect(a).toBe(b);
		const at = new Date('2026-12-04T15:30:00Z');
		expect(a.format(at)).toBe(
			new Intl.DateTimeFormat('ko-KR', { dateStyle: 'medium', timeZone: 'Asia/Seoul' }).format(at)
		);
	});

	it('keeps formatters with different options apart', () => {
		const at = new Date('2026-12-04T15:30:00Z');
		expect(dateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', hourCycle: 'h23' }).format(at)).toBe('15');
		expect(dateTimeFormat('en-GB', { timeZone: 'Asia/Seoul', hour: '2-digit', hourCycle: 'h23' }).format(at)).toBe(
			'00'
		);
		expect(numberFormat('en', { style: 'percent' }).format(0.5)).toBe('50%');
		expect(numberFormat('en', { maximumFractionDigits: 1 }).format(0.55)).toBe('0.6');
	});

	it('still answers after many distinct options (bounded cache)', () => {
		for (let i = 0; i < 600; i++)
			dateTimeFormat('en', {
				timeZone: 'UTC',
				minute: '2-digit',
				era: i % 2 ? 'short' : 'long',
				fractionalSecondDigits: ((i % 3) + 1) as 1 | 2 | 3,
				hour: i % 5 ? 'numeric' : '2-digit'
			});
		expect(dateTimeFormat('en', { timeZone: 'UTC', year: 'numeric' }).format(new Date('2026-01-01T00:00:00Z'))).toBe(
			'2026'
		);
	});
});
