import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/http/context';
import { listMyRequests } from '$lib/server/testservices/service';

export const load = (async (event) => {
	const user = requireUser(event);
	return listMyRequests(getDb(), user);
}) satisfies PageServerLoad;
