// The taxonomy (a few dozen terms, changed by an operator now and then) is read by every directory
// page. Each process keeps one copy, held by its runtime; a change NOTIFYs every node (on commit, so
// an aborted change never empties anyone's copy) and the next reader loads it afresh. Terms are the
// same for every reader, so nothing per-user is cached. A NOTIFY lost while the LISTEN connection was
// down is covered by a short lifetime.
import { sql } from 'kysely';
import type { Executor } from '../db';
import type { Database } from '../db/connect';
import { listTerms } from './taxonomy-repository';

export const TAXONOMY_CHANNEL = 'mc_taxonomy_changed';
const LIFETIME_MS = 60_000;

type Terms = Awaited<ReturnType<typeof listTerms>>;
export type TaxonomyCache = {
	/** Every taxonomy term, from this copy while it is fresh. */
	terms(db: Executor, now?: number): Promise<Terms>;
	/** Stops listening; the copy is dropped. */
	stop(): Promise<void>;
};

/** Inside the transaction that changes terms: PostgreSQL delivers the NOTIFY on commit. */
export async function announceTaxonomyChange(db: Executor): Promise<void> {
	await sql`select pg_notify(${TAXONOMY_CHANNEL}, '')`.execute(db);
}

/** A copy of the terms that forgets itself on every announced change; started with the runtime. */
export async function createTaxonomyCache(database: Database): Promise<TaxonomyCache> {
	let generation = 0;
	let cached: { terms: Promise<Terms>; loadedAt: number } | null = null;
	let stopped = false;
	const forget = () => {
		generation++;
		cached = null;
	};
	const unlisten = await database.listen(TAXONOMY_CHANNEL, forget);
	return {
		terms(db, now = Date.now()) {
			if (stopped) return listTerms(db);
			if (cached && now - cached.loadedAt < LIFETIME_MS) return cached.terms;
			const loading = generation;
			const entry = { terms: listTerms(db), loadedAt: now };
			cached = entry;
			// A failed load or a change announced while loading must not stay behind for the next reader.
			entry.terms.then(
				() => {
					if (generation !== loading && cached === entry) cached = null;
				},
				() => {
					if (cached === entry) cached = null;
				}
			);
			return entry.terms;
		},
		async stop() {
			stopped = true;
			forget();
			await unlisten();
		}
	};
}

/** The terms through the runtime's copy when there is one, else straight from the database. */
export const termsThrough = (cache: TaxonomyCache | undefined, db: Executor) =>
	cache ? cache.terms(db) : listTerms(db);
