import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { listManagedFacilityIds } from '$lib/server/testbed/access';
import { searchFreeResources } from '$lib/server/testbed/availability';
import { listResources } from '$lib/server/testbed/repository';
import { listCoverPhotos } from '$lib/server/testbed/photo-repository';
import { searchQuery } from '$lib/server/testbed/schemas';
import { addDays, localParts, zonedInstant } from '$lib/server/common/zoned-time';

type Cover = { id: string; alt_ko: string; alt_en: string };

const summary = (r: Awaited<ReturnType<typeof listResources>>[number], covers: Map<string, Cover> = new Map()) => ({
	id: r.id,
	slug: r.slug,
	kind: r.kind,
	name_ko: r.name_ko,
	name_en: r.name_en,
	facility_slug: r.facility_slug,
	facility_name_ko: r.facility_name_ko,
	facility_name_en: r.facility_name_en,
	auto_confirm: r.auto_confirm,
	requires_credential: r.required_credential_id !== null,
	cover: covers.get(r.id) ?? null
});

// Public: anybody may look at what the alliance offers and when it is free; booking needs sign-in.
export const load = (async ({ url, locals }) => {
	const db = getDb();
	const parsed = searchQuery.safeParse(Object.fromEntries(url.searchParams));
	const query = parsed.success ? parsed.data : searchQuery.parse({});
	const resources = await listResources(db, { kind: query.kind, text: query.q });
	const covers = new Map(
		(
			await listCoverPhotos(
				db,
				resources.map((r) => r.id)
			)
		).map((p) => [p.resource_id, { id: p.id, alt_ko: p.alt_ko, alt_en: p.alt_en }])
	);
	let matches = null;
	const now = new Date();
	const today = localParts(now, locals.timeZone).date;
	if (parsed.success && url.searchParams.has('hours')) {
		const fromDate = query.from ?? today;
		const from = zonedInstant(fromDate, 0, locals.timeZone);
		const to = zonedInstant(addDays(fromDate, query.days), 0, locals.timeZone);
		const found = await searchFreeResources(
			db,
			{ kind: query.kind, text: query.q, minutes: Math.round(query.hours * 60), from, to, perResource: 3 },
			now
		);
		matches = found
			.slice(0, 30)
			.map((m) => ({ resource: summary(m.resource, covers), starts: m.starts.map((s) => s.toISOString()) }));
	}
	const managed = locals.user ? await listManagedFacilityIds(db, locals.user) : [];
	return {
		resources: resources.map((r) => summary(r, covers)),
		query: {
			kind: query.kind ?? '',
			q: query.q ?? '',
			hours: query.hours,
			from: query.from ?? today,
			days: query.days
		},
		today,
		searchInvalid: !parsed.success,
		matches,
		isManager: managed.length > 0
	};
}) satisfies PageServerLoad;
