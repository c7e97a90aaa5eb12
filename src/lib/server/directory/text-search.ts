// How directory text is indexed and queried. Korean has no word stemming in PostgreSQL, and a
// two-syllable query ("헬스") has no whole trigram, so Hangul is indexed as character bigrams;
// Latin words go to a 'simple' tsvector for prefixes and to pg_trgm for typos ("cardiak").

const HANGUL_RUN = /[\uac00-\ud7a3\u3131-\u318e]+/g;
const TOKEN = /[\p{L}\p{N}]+/gu;
const MAX_TOKENS = 8;

/** Character bigrams of every Hangul run: "디지털헬스" → 디지 지털 털헬 헬스. Single syllables stay whole. */
export function hangulBigrams(text: string): string[] {
	const grams = new Set<string>();
	for (const run of text.match(HANGUL_RUN) ?? []) {
		if (run.length === 1) grams.add(run);
		for (let i = 0; i + 1 < run.length; i++) grams.add(run.slice(i, i + 2));
	}
	return [...grams];
}

export type ParsedQuery = {
	/** Per Hangul token, the bigrams that must all occur (a single syllable is a prefix). */
	hangul: { bigrams: string[]; prefix: string | null }[];
	/** Latin/number tokens, lower-cased. */
	words: string[];
};

const isHangul = (token: string) => /^[\uac00-\ud7a3\u3131-\u318e]+$/.test(token);

export function parseQuery(q: string): ParsedQuery {
	const tokens = (q.toLowerCase().normalize('NFC').match(TOKEN) ?? []).slice(0, MAX_TOKENS);
	const parsed: ParsedQuery = { hangul: [], words: [] };
	for (const token of tokens) {
		if (isHangul(token)) {
			parsed.hangul.push(
				token.length === 1 ? { bigrams: [], prefix: token } : { bigrams: hangulBigrams(token), prefix: null }
			);
		} else {
			// Mixed tokens ("3d프린팅") split into their Hangul and Latin parts.
			for (const run of token.match(HANGUL_RUN) ?? [])
				parsed.hangul.push(
					run.length === 1 ? { bigrams: [], prefix: run } : { bigrams: hangulBigrams(run), prefix: null }
				);
			const latin = token.replace(HANGUL_RUN, ' ').trim();
			for (const word of latin.split(/\s+/)) if (word) parsed.words.push(word);
		}
	}
	return parsed;
}

/** A tsquery string for `to_tsquery('simple', …)` from safe tokens (letters and digits only). */
export function toTsQuery(terms: string[], prefix = false): string {
	return terms.map((t) => `'${t.replace(/'/g, "''")}'${prefix ? ':*' : ''}`).join(' & ');
}

export type SearchSource = {
	names: string[];
	texts: string[];
	tags: string[];
	products: string[];
};

/** The three search columns of one organisation, from everything a searcher might type. */
export function buildSearchDocument(source: SearchSource) {
	const all = [...source.names, ...source.tags, ...source.products, ...source.texts]
		.join(' ')
		.toLowerCase()
		.normalize('NFC');
	const words = (all.match(TOKEN) ?? []).join(' ');
	return {
		words,
		bigrams: hangulBigrams(all).join(' '),
		// Names, tags and product names only: typo matching against long descriptions is noise.
		trigramText: [...source.names, ...source.tags, ...source.products].join(' ').toLowerCase().normalize('NFC')
	};
}
