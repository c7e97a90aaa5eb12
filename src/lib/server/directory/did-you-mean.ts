// "Did you mean": for a search with no hits, the closest known word (organisation names, tags,
// regions) to each word of the query, by trigram similarity as pg_trgm counts it.

const trigrams = (word: string): Set<string> => {
	const padded = `  ${word} `;
	const grams = new Set<string>();
	for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
	return grams;
};

export function similarity(a: string, b: string): number {
	const x = trigrams(a.toLowerCase());
	const y = trigrams(b.toLowerCase());
	let shared = 0;
	for (const g of x) if (y.has(g)) shared++;
	return shared / (x.size + y.size - shared);
}

const MIN_SIMILARITY = 0.4;

/** The query with each unknown word replaced by its closest known word, or null when nothing is close. */
export function suggestSpelling(query: string, vocabulary: Iterable<string>): string | null {
	const words = [
		...new Set(
			[...vocabulary].flatMap((v) => v.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => [...w].length >= 2)
		)
	];
	let changed = false;
	const out = query
		.trim()
		.split(/\s+/)
		.map((token) => {
			const lower = token.toLowerCase();
			if (words.includes(lower)) return token;
			let best: { word: string; score: number } | null = null;
			for (const word of words) {
				const score = similarity(lower, word);
				if (score >= MIN_SIMILARITY && (!best || score > best.score)) best = { word, score };
			}
			if (!best) return token;
			changed = true;
			return best.word;
		});
	return changed ? out.join(' ') : null;
}
