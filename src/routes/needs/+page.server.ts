import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/http/context';
import { listTerms } from '$lib/server/directory/taxonomy-repository';
import { searchParamsToObject } from '$lib/server/directory/schemas';
import { listMemberCompanies, listStaffHospitals } from '$lib/server/needs/access';
import { matchNeedsForCompany } from '$lib/server/needs/matching';
import { listNeeds, PAGE_SIZE, todayInSeoul } from '$lib/server/needs/repository';
import { needsQuerySchema } from '$lib/server/needs/schemas';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const parsed = needsQuerySchema.safeParse(searchParamsToObject(event.url.searchParams));
	const query = parsed.success ? parsed.data : needsQuerySchema.parse({});
	const today = todayInSeoul();
	const [result, departments, companies, hospitals] = await Promise.all([
		listNeeds(db, user, query, today),
		listTerms(db, 'department'),
		listMemberCompanies(db, user.id),
		listStaffHospitals(db, user.id)
	]);
	const company = companies.find((c) => c.id === event.url.searchParams.get('company')) ?? companies[0];
	return {
		query,
		invalidQuery: !parsed.success,
		needs: result.needs,
		total: result.total,
		pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
		departments,
		company: company ?? null,
		companies,
		matches: company ? await matchNeedsForCompany(db, user, company.id, 5) : [],
		canPost: hospitals.length > 0
	};
}) satisfies PageServerLoad;
