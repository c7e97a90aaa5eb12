import { describe, expect, it } from 'vitest';
import { dueDate, quoteTotals } from './quote';

describe('quoteTotals', () => {
	it('adds 10 % VAT, rounded down to the won', () => {
		expect(quoteTotals([{ quantity: 3, unitPriceKrw: 333_333 }])).toEqual({
			supplyKrw: 999_999,
			vatKrw: 99_999,
			totalKrw: 1_099_998
		});
	});
	it('sums several lines', () => {
		const t = quoteTotals([
			{ quantity: 1, unitPriceKrw: 2_000_000 },
			{ quantity: 2, unitPriceKrw: 150_000 }
		]);
		expect(t.supplyKrw).toBe(2_300_000);
		expect(t.totalKrw).toBe(2_530_000);
	});
});

describe('dueDate', () => {
	it('counts calendar days from receipt', () => {
		expect(dueDate(new Date('2026-03-02T00:00:00Z'), 14).toISOString()).toBe('2026-03-16T00:00:00.000Z');
	});
});
