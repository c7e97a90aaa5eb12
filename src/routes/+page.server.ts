import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { nextStepsFor } from '$lib/server/users/next-steps';
import { homeDashboard } from '$lib/server/users/home-dashboard';

export const load = (async ({ locals }) => {
	if (!locals.user) return { memberships: [], steps: [], dashboard: null };
	const db = getDb();
	const [next, dashboard] = await Promise.all([
		nextStepsFor(db, locals.user),
		homeDashboard(db, locals.user, new Date())
	]);
	return { ...next, dashboard };
}) satisfies PageServerLoad;
