import { describe, expect, it } from 'vitest';
import { auditLines, readableAction } from './audit-data';

describe('auditLines', () => {
	it('reads changes, lists and flags as words', () => {
		expect(
			auditLines({
				status: { from: 'pending', to: 'confirmed' },
				changed: ['title_ko', 'deadline'],
				auto_confirm: true,
				reason: null
			})
		).toEqual([
			{ key: 'status', value: 'pending → confirmed' },
			{ key: 'changed', value: 'title_ko, deadline' },
			{ key: 'auto confirm', value: '✓' },
			{ key: 'reason', value: '—' }
		]);
	});
	it('shortens very long values and handles no data', () => {
		expect(auditLines({ note: 'x'.repeat(500) })[0].value).toHaveLength(201);
		expect(auditLines(null)).toEqual([]);
	});
});

describe('readableAction', () => {
	it('turns a code into words', () =>
		expect(readableAction('need_response.note_added')).toBe('need response · note added'));
});
