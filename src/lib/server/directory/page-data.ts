// What the directory page sends its reader: each result and each filter term in the reader's language
// only (the other language's name stays, shown small beside it). The page's data is rendered into the
// HTML and serialised for hydration on every request, so both languages of every summary and tag
// would double that work for text nobody on the page reads. The API keeps both languages.
import type { searchOrganizations } from './search-repository';

type Result = Awaited<ReturnType<typeof searchOrganizations>>[number];
type Locale = 'ko' | 'en';

/** The tags a result card shows. */
export const CARD_TAGS = 3;

export function initialsOf(nameEn: string): string {
	return nameEn
		.replace(/[^A-Za-z0-9 ]/g, '')
		.split(' ')
		.filter(Boolean)
		.slice(0, 2)
		.map((w) => w[0])
		.join('')
		.toUpperCase();
}

export function readerResults(results: Result[], locale: Locale) {
	const ko = locale === 'ko';
	return results.map((r) => ({
		slug: r.slug,
		kind: r.kind,
		name: ko ? r.name_ko : r.name_en,
		otherName: ko ? r.name_en : r.name_ko,
		initials: initialsOf(r.name_en),
		summary: ko ? r.summary_ko : r.summary_en,
		region: r.region,
		logo_upload_id: r.logo_upload_id,
		looking_for_partners: r.looking_for_partners,
		raising_investment: r.raising_investment,
		tags: r.tags.slice(0, CARD_TAGS).map((t) => ({ slug: t.slug, name: ko ? t.name_ko : t.name_en }))
	}));
}

export type ReaderResult = ReturnType<typeof readerResults>[number];

/** The filter terms: those with results under the current filters, and those already chosen. */
export function readerTerms(
	terms: readonly { vocabulary: string; slug: string; name_ko: string; name_en: string }[],
	facets: readonly { facet: string; value: string; count: number }[],
	chosen: readonly string[],
	locale: Locale
) {
	const counted = new Set(facets.filter((f) => f.facet === 'tag' && f.count > 0).map((f) => f.value));
	return terms
		.filter((t) => counted.has(t.slug) || chosen.includes(t.slug))
		.map((t) => ({ vocabulary: t.vocabulary, slug: t.slug, name: locale === 'ko' ? t.name_ko : t.name_en }));
}

export type ReaderTerm = ReturnType<typeof readerTerms>[number];
