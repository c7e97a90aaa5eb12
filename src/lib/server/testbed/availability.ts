// Availability of resources over a range, and the search "which resource is free for N hours".
import type { Executor } from '../db';
import { startTimesFitting } from './free-slots';
import { createOpeningCalendar, freeSpans, type Span } from './opening-calendar';
import type { Interval } from './rules';
import * as bookingRepository from './repository';

export type ResourceAvailability = {
	resourceId: string;
	free: Interval[];
	busy: (Interval & { status: string })[];
	blackouts: (Interval & { reason_ko: string; reason_en: string })[];
};

type AvailabilityResource = {
	id: string;
	time_zone: string;
	slot_minutes: number;
	min_notice_minutes: number;
	max_horizon_days: number;
};

function groupByResource<T extends { resource_id: string }>(rows: T[]): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const row of rows) {
		const group = groups.get(row.resource_id);
		if (group) group.push(row);
		else groups.set(row.resource_id, [row]);
	}
	return groups;
}

/** Two queries whatever the number of resources (hours; blackouts and bookings), then one sweep each. */
export async function getAvailability(
	db: Executor,
	resources: AvailabilityResource[],
	from: Date,
	to: Date,
	now = new Date()
): Promise<ResourceAvailability[]> {
	const ids = resources.map((r) => r.id);
	const [hours, taken] = await Promise.all([
		bookingRepository.listHours(db, ids),
		bookingRepository.listTakenIntervals(db, ids, from, to)
	]);
	const hoursByResource = groupByResource(hours);
	const takenByResource = groupByResource(taken);
	const calendar = createOpeningCalendar(from, to);
	return resources.map((resource) => {
		const own = takenByResource.get(resource.id) ?? [];
		const busy: ResourceAvailability['busy'] = [];
		const blackouts: ResourceAvailability['blackouts'] = [];
		const spans: Span[] = [];
		for (const t of own) {
			if (t.status === null)
				blackouts.push({ start: t.starts_at, end: t.ends_at, reason_ko: t.reason_ko, reason_en: t.reason_en });
			else busy.push({ start: t.starts_at, end: t.ends_at, status: t.status });
			spans.push({ start: t.starts_at.getTime(), end: t.ends_at.getTime() });
		}
		// Only what could still be booked counts as free: after the minimum notice, before the horizon.
		// Rounded up to the slot grid, so every free stretch starts at a time that can be booked.
		const slotMs = resource.slot_minutes * 60_000;
		const earliest = Math.max(
			from.getTime(),
			Math.ceil((now.getTime() + resource.min_notice_minutes * 60_000) / slotMs) * slotMs
		);
		const latest = Math.min(to.getTime(), now.getTime() + resource.max_horizon_days * 86_400_000);
		const windows =
			earliest < latest ? calendar.windows(resource.time_zone, hoursByResource.get(resource.id) ?? []) : [];
		const free = freeSpans(windows, earliest, latest, spans).map((s) => ({
			start: new Date(s.start),
			end: new Date(s.end)
		}));
		return { resourceId: resource.id, free, busy, blackouts };
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
		.map((resource, i) => ({
			resource,
			starts: startTimesFitting(
				availability[i].free,
				search.minutes,
				resource.slot_minutes,
				resource.time_zone,
				search.perResource
			)
		}))
		.filter((match) => match.starts.length > 0);
}
