import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { nextStepsFor } from '$lib/server/users/next-steps';

export const load = (async ({ locals }) => {
	if (!locals.user) return { memberships: [], steps: [] };
	return nextStepsFor(getDb(), locals.user);
}) satisfies PageServerLoad;
