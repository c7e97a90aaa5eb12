// What the directory offers when a search finds nothing: a spelling that does find something, and
// the facets of the same filters without the words, so the filter groups do not vanish.
import type { Executor } from '../db';
import { REGIONS } from '$lib/regions';
import type { DirectoryQuery } from './schemas';
import { directoryFacets } from './search-repository';
import { suggestSpelling } from './did-you-mean';

export async function noHitHelp(db: Executor, query: DirectoryQuery, terms: { name_ko: string; name_en: string }[]) {
	const names = await db
		.selectFrom('organizations')
		.select(['name_ko', 'name_en'])
		.where('status', '=', 'verified')
		.execute();
	const vocabulary = [
		...names.flatMap((n) => [n.name_ko, n.name_en]),
		...terms.flatMap((t) => [t.name_ko, t.name_en]),
		...REGIONS.flatMap((r) => [r.ko, r.en, ...(r.aliases ?? [])])
	];
	const candidate = suggestSpelling(query.q, vocabulary);
	const [facets, suggested] = await Promise.all([
		directoryFacets(db, { ...query, q: '' }),
		candidate ? directoryFacets(db, { ...query, q: candidate, page: 1 }) : Promise.resolve([])
	]);
	const hits = suggested.find((f) => f.facet === 'total')?.count ?? 0;
	return { facets, suggestion: hits > 0 ? candidate : null };
}
