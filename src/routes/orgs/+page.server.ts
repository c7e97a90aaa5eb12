import { z } from 'zod';
import { text } from '$lib/server/http/text';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import {
	listUserMemberships,
	listUserPendingJoinRequests,
	searchVerifiedOrganizations
} from '$lib/server/orgs/repository';
import { requireUser } from '$lib/server/http/context';

const querySchema = text().trim().max(100).catch('');

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const q = querySchema.parse(event.url.searchParams.get('q') ?? '');
	return {
		q,
		memberships: await listUserMemberships(db, user.id),
		pendingRequests: await listUserPendingJoinRequests(db, user.id),
		results: q.length >= 1 ? await searchVerifiedOrganizations(db, q, 20) : []
	};
}) satisfies PageServerLoad;
