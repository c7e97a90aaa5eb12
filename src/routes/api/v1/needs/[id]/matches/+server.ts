import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { authenticated } from '$lib/server/app/api';
import { NotFoundError } from '$lib/server/errors';
import { needRole } from '$lib/server/needs/access';
import { NotHospitalSideError } from '$lib/server/needs/errors';
import { matchCompaniesForNeed } from '$lib/server/needs/matching';
import { idParam } from '$lib/server/needs/schemas';
import { requireVisibleNeed } from '$lib/server/needs/service';
import { matchJson } from '$lib/server/needs/api-shapes';

export const GET: RequestHandler = authenticated(async ({ params, locals }, user) => {
	const id = idParam.safeParse(params.id);
	if (!id.success) throw new NotFoundError();
	const db = getDb();
	// 404, not an empty list, for a need the caller may not see.
	const need = await requireVisibleNeed(db, user, id.data);
	// The ranking of companies is the hospital side's working view, as on the need's page: a
	// responding company (or a hospital colleague not on the need) must not read its competitors' scores.
	if (!(await needRole(db, user, need)).hospitalSide) throw new NotHospitalSideError();
	const matches = await matchCompaniesForNeed(db, user, need.id);
	return json({ matches: matches.map((match) => matchJson(match, locals.locale)) });
});
