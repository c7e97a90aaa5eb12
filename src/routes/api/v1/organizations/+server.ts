import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { directoryQuerySchema, searchParamsToObject } from '$lib/server/directory/schemas';
import { directoryFacets, searchOrganizations, PAGE_SIZE } from '$lib/server/directory/search-repository';
import { invalidInput } from '$lib/server/api/handler';
import { publicEndpoint } from '$lib/server/app/api';

export const GET: RequestHandler = publicEndpoint(async ({ url, locals }) => {
	const parsed = directoryQuerySchema.safeParse(searchParamsToObject(url.searchParams));
	if (!parsed.success) return invalidInput(parsed.error.issues);
	const db = getDb();
	const [results, facets] = await Promise.all([
		searchOrganizations(db, parsed.data, locals.locale),
		directoryFacets(db, parsed.data)
	]);
	const facetCounts: Record<string, Record<string, number>> = {};
	let total = 0;
	for (const f of facets) {
		if (f.facet === 'total') total = f.count;
		else (facetCounts[f.facet] ??= {})[f.value] = f.count;
	}
	return json({
		total,
		page: parsed.data.page,
		pageSize: PAGE_SIZE,
		results: results.map((r) => ({
			slug: r.slug,
			kind: r.kind,
			nameKo: r.name_ko,
			nameEn: r.name_en,
			summaryKo: r.summary_ko,
			summaryEn: r.summary_en,
			region: r.region,
			logoUrl: r.logo_upload_id ? `/media/${r.logo_upload_id}` : null,
			lookingForPartners: r.looking_for_partners,
			raisingInvestment: r.raising_investment,
			tags: r.tags.map((t) => ({ slug: t.slug, nameKo: t.name_ko, nameEn: t.name_en }))
		})),
		facets: facetCounts
	});
});
