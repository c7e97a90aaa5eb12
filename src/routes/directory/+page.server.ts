import type { PageServerLoad } from './$types';
import { getDb, getRuntime } from '$lib/server/runtime';
import { directoryQuerySchema, searchParamsToObject } from '$lib/server/directory/schemas';
import { directoryFacets, searchOrganizations, PAGE_SIZE } from '$lib/server/directory/search-repository';
import { termsThrough } from '$lib/server/directory/taxonomy-cache';
import { noHitHelp } from '$lib/server/directory/no-hits';
import { readerResults, readerTerms } from '$lib/server/directory/page-data';

export const load = (async ({ url, locals }) => {
	const db = getDb();
	const parsed = directoryQuerySchema.safeParse(searchParamsToObject(url.searchParams));
	// A hand-edited URL with a bad value still shows the directory, with a note.
	const query = parsed.success ? parsed.data : directoryQuerySchema.parse({});
	const [results, facets, terms] = await Promise.all([
		searchOrganizations(db, query, locals.locale),
		directoryFacets(db, query),
		termsThrough(getRuntime().taxonomy, db)
	]);
	const total = facets.find((f) => f.facet === 'total')?.count ?? 0;
	// No hits for the words: suggest a spelling, and keep the filters visible with their counts without the words.
	const help = total === 0 && query.q ? await noHitHelp(db, query, terms) : null;
	const shownFacets = (help?.facets ?? facets).filter((f) => f.facet !== 'total');
	return {
		query,
		invalidQuery: !parsed.success,
		results: readerResults(results, locals.locale),
		facets: shownFacets,
		facetsWithoutWords: help !== null,
		suggestion: help?.suggestion ?? null,
		terms: readerTerms(terms, shownFacets, query.tag, locals.locale),
		total,
		pages: Math.max(1, Math.ceil(total / PAGE_SIZE))
	};
}) satisfies PageServerLoad;
