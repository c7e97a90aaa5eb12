// Availability of resources over a range, and the search "which resource is free for N hours".
import type { Executor } from '../db';
import { openingWindows, startTimesFitting, subtractIntervals } from './free-slots';
import type { Interval } from './rules';
import * as bookingRepository from './repository';

export type ResourceAvailability = {
	resourceId: string;
	free: Interval[];
	busy: (Interval & { status: string })[];
	blackouts: (Interval & { reason_ko: string; reason_en: string })[];
};

type AvailabilityResource = { id: string; time_zone: string; slot_minutes: number; min_notice_minutes: number; max_horizon_days: number };

/** Three queries whatever the number of resources: hours, blackouts, busy intervals. */
export async function getAvailability(db: Executor, resources: AvailabilityResource[], from: Date, to: Date, now = new Date()): Promise<ResourceAvailability[]> {
	const ids = resources.map((r) => r.id);
	const [hours, blackouts, busy] = await Promise.all([
		bookingRepository.listHours(db, ids),
		bookingRepository.listBlackouts(db, ids, from, to),
		bookingRepository.listBusyIntervals(db, ids, from, to)
	]);
	return resources.map((resource) => {
		// Only what could still be booked counts as free: after the minimum notice, before the horizon.
		// Rounded up to the slot grid, so every free stretch starts at a time that can be booked.
		const slotMs = resource.slot_minutes * 60_000;
		const earliest = new Date(Math.max(from.getTime(), Math.ceil((now.getTime() + resource.min_notice_minutes * 60_000) / slotMs) * slotMs));
		const latest = new Date(Math.min(to.getTime(), now.getTime() + resource.max_horizon_days * 86_400_000));
		const ownBlackouts = blackouts.filter((b) => b.resource_id === resource.id).map((b) => ({ start: b.starts_at, end: b.ends_at, reason_ko: b.reason_ko, reason_en: b.reason_en }));
		const ownBusy = busy.filter((b) => b.resource_id === resource.id).map((b) => ({ start: b.starts_at, end: b.ends_at, status: b.status }));
		const windows = earliest < latest ? openingWindows({ timeZone: resource.time_zone, hours: hours.filter((h) => h.resource_id === resource.id) }, earliest, latest) : [];
		return { resourceId: resource.id, free: subtractIntervals(windows, [...ownBlackouts, ...ownBusy]), busy: ownBusy, blackouts: ownBlackouts };
	});
}

export type FreeSearch = { kind?: string; text?: string; minutes: number; from: Date; to: Date; perResource: number };

/** Resources where `minutes` fit in one free stretch between `from` and `to`, with their first start times. */
export async function searchFreeResources(db: Executor, search: FreeSearch, now = new Date()) {
	const resources = (await bookingRepository.listResources(db, { kind: search.kind, text: search.text })).filter(
		(r) => r.min_minutes <= search.minutes && search.minutes <= r.max_minutes && search.minutes % r.slot_minutes === 0
	);
	const availability = await getAvailability(db, resources, search.from, search.to, now);
	return resources
		.map((resource, i) => ({ resource, starts: startTimesFitting(availability[i].free, search.minutes, resource.slot_minutes, resource.time_zone, search.perResource) }))
		.filter((match) => match.starts.length > 0);
}
