import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { authenticated } from '$lib/server/app/api';
import { slugParam } from '$lib/server/api/schemas';
import { findVisibleOrganization } from '$lib/server/orgs/access';
import { suggestionJson } from '$lib/server/matchmaking/api-shapes';
import { suggestionsFor } from '$lib/server/matchmaking/access';

export const GET: RequestHandler = authenticated(async ({ params, locals }, user) => {
	const slug = slugParam.safeParse(params.slug);
	if (!slug.success) return invalidInput(slug.error.issues);
	const db = getDb();
	const org = await findVisibleOrganization(db, slug.data, user);
	const { suggestions } = await suggestionsFor(db, user, org.id);
	return json({ suggestions: suggestions.map((s) => suggestionJson(s, locals.locale)) });
});
