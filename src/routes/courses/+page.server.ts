import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { listCatalogue, listUserEnrolments } from '$lib/server/courses/catalogue';
import { listManagedCourseIds } from '$lib/server/courses/access';
import { listPendingApprovals } from '$lib/server/courses/employer';
import { catalogueQuery } from '$lib/server/courses/schemas';

// Public: visitors read the catalogue; a signed-in trainee also sees their own courses.
export const load = (async ({ url, locals }) => {
	const db = getDb();
	const parsed = catalogueQuery.safeParse(Object.fromEntries(url.searchParams));
	const filter = parsed.success ? parsed.data : {};
	const now = new Date();
	const courses = await listCatalogue(db, filter, now);
	const user = locals.user;
	return {
		filter: {
			q: filter.q ?? '',
			category: filter.category ?? '',
			audience: filter.audience ?? '',
			format: filter.format ?? '',
			language: filter.language ?? ''
		},
		courses: courses.map(({ credential_id, open_cohort_ids: _, ...c }) => ({
			...c,
			grants_credential: credential_id !== null,
			next_meeting_at: c.next_meeting_at && new Date(c.next_meeting_at).toISOString()
		})),
		mine: user
			? (await listUserEnrolments(db, user.id)).map((e) => ({
					...e,
					offer_expires_at: e.offer_expires_at?.toISOString() ?? null,
					starts_at: e.starts_at && new Date(e.starts_at).toISOString()
				}))
			: null,
		manages: user ? (await listManagedCourseIds(db, user)).length > 0 : false,
		approvals: user ? (await listPendingApprovals(db, user.id)).length : 0
	};
}) satisfies PageServerLoad;
