import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { authenticated, publicEndpoint } from '$lib/server/app/api';
import { slugParam } from '$lib/server/api/schemas';
import { readJson } from '$lib/server/common/read-json';
import { findVisibleOrganization } from '$lib/server/orgs/access';
import { thesisJson } from '$lib/server/matchmaking/api-shapes';
import { thesisSchema } from '$lib/server/matchmaking/schemas';
import { getThesis, putThesis } from '$lib/server/matchmaking/thesis-service';

export const GET: RequestHandler = publicEndpoint(async ({ params }, user) => {
	const slug = slugParam.safeParse(params.slug);
	if (!slug.success) return invalidInput(slug.error.issues);
	const db = getDb();
	const org = await findVisibleOrganization(db, slug.data, user && { id: user.id, isOperator: user.isOperator });
	const thesis = await getThesis(db, org.id);
	return json({ thesis: thesis && thesisJson(thesis) });
});

export const PUT: RequestHandler = authenticated(async (event, user) => {
	const slug = slugParam.safeParse(event.params.slug);
	if (!slug.success) return invalidInput(slug.error.issues);
	const body = thesisSchema.safeParse(await readJson(event.request));
	if (!body.success) return invalidInput(body.error.issues);
	const db = getDb();
	const org = await findVisibleOrganization(db, slug.data, user);
	return json({ thesis: thesisJson(await putThesis(db, user, org.id, body.data)) });
});
