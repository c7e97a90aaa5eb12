import { describe, expect, it } from 'vitest';
import { planSlots, slotGrid } from './slot-plan';

const at = (hhmm: string) => new Date(`2026-12-20T${hhmm}:00Z`);

describe('slotGrid', () => {
	it('cuts the window into whole slots only', () => {
		const grid = slotGrid(at('09:00'), at('10:10'), 30);
		expect(grid.map((s) => s.startsAt.toISOString())).toEqual(['2026-12-20T09:00:00.000Z', '2026-12-20T09:30:00.000Z']);
	});
});

describe('planSlots', () => {
	const grid = slotGrid(at('09:00'), at('10:30'), 30);

	it('never gives one organisation two meetings at once', () => {
		const pairs = [
			{ startup_org_id: 's1', investor_org_id: 'i1' },
			{ startup_org_id: 's1', investor_org_id: 'i2' },
			{ startup_org_id: 's2', investor_org_id: 'i1' }
		];
		const { placed, unplaced } = planSlots(grid, pairs, new Map());
		expect(unplaced).toEqual([]);
		expect(placed.map((p) => [p.startup_org_id, p.investor_org_id, p.startsAt.toISOString().slice(11, 16)])).toEqual([
			['s1', 'i1', '09:00'],
			['s1', 'i2', '09:30'],
			['s2', 'i1', '09:30']
		]);
	});

	it('skips the times an organisation is already busy and leaves a pair out when nothing is free', () => {
		const busy = new Map([['i1', [{ startsAt: at('09:00'), endsAt: at('10:00') }]]]);
		const pairs = [
			{ startup_org_id: 's1', investor_org_id: 'i1' },
			{ startup_org_id: 's2', investor_org_id: 'i1' }
		];
		const { placed, unplaced } = planSlots(grid, pairs, busy);
		expect(placed).toHaveLength(1);
		expect(placed[0].startsAt).toEqual(at('10:00'));
		expect(unplaced).toEqual([{ startup_org_id: 's2', investor_org_id: 'i1' }]);
	});
});
