// Assigns mutual pairs to the day's slots, greedily in the given order: each pair takes the first slot in
// which neither organisation is busy (already placed this run, or taken by another meeting). Pure, so the
// rule is unit-tested; the database's exclusion constraints still guard against anything it missed.
export type Range = { startsAt: Date; endsAt: Date };
export type Pair = { startup_org_id: string; investor_org_id: string };
export type Placed = Pair & Range;

const overlaps = (a: Range, b: Range) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** The day's slot grid: back-to-back slots of `minutes` inside [startsAt, endsAt). */
export function slotGrid(startsAt: Date, endsAt: Date, minutes: number): Range[] {
	const slots: Range[] = [];
	const step = minutes * 60_000;
	for (let t = startsAt.getTime(); t + step <= endsAt.getTime(); t += step) {
		slots.push({ startsAt: new Date(t), endsAt: new Date(t + step) });
	}
	return slots;
}

/** Placed pairs and the pairs left over when no common free slot remained. */
export function planSlots(grid: Range[], pairs: Pair[], busy: Map<string, Range[]>) {
	const taken = new Map<string, Range[]>();
	for (const [org, ranges] of busy) taken.set(org, [...ranges]);
	const placed: Placed[] = [];
	const unplaced: Pair[] = [];
	for (const pair of pairs) {
		const orgs = [pair.startup_org_id, pair.investor_org_id];
		const free = grid.find((slot) => orgs.every((org) => !(taken.get(org) ?? []).some((r) => overlaps(r, slot))));
		if (!free) {
			unplaced.push(pair);
			continue;
		}
		for (const org of orgs) taken.set(org, [...(taken.get(org) ?? []), free]);
		placed.push({ ...pair, ...free });
	}
	return { placed, unplaced };
}
