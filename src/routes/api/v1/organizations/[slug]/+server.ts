import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { findVisibleOrganization } from '$lib/server/orgs/access';
import { toPublicOrganization } from '$lib/server/directory/public-profile';
import { invalidInput } from '$lib/server/api/handler';
import { publicEndpoint } from '$lib/server/app/api';
import { slugParam } from '$lib/server/api/schemas';

export const GET: RequestHandler = publicEndpoint(async ({ params }, user) => {
	const slug = slugParam.safeParse(params.slug);
	if (!slug.success) return invalidInput(slug.error.issues);
	const db = getDb();
	const org = await findVisibleOrganization(db, slug.data, user && { id: user.id, isOperator: user.isOperator });
	return json(await toPublicOrganization(db, org));
});
