// The taxonomy (a few dozen terms, changed by an operator now and then) is read by every directory
// page. Each process keeps one copy; a change NOTIFYs every node (on commit, so an aborted change
// never empties anyone's copy) and the next reader loads it afresh. Terms are the same for every
// reader, so nothing per-user is cached. A NOTIFY lost while the LISTEN connection was down is
// covered by a short lifetime.
import { sql } from 'kysely';
import type { Executor } from '../db';
import type { Database } from '../db/connect';
import { listTerms } from './taxonomy-repository';

export const TAXONOMY_CHANNEL = 'mc_taxonomy_changed';
const LIFETIME_MS = 60_000;

type Terms = Awaited<ReturnType<typeof listTerms>>;

let listening = false;
let generation = 0;
let cached: { terms: Promise<Terms>; loadedAt: number } | null = null;

/** Every taxonomy term, from this process's copy once the NOTIFY listener is up (before: the database). */
export function cachedTerms(db: Executor, now = Date.now()): Promise<Terms> {
	if (!listening) return listTerms(db);
	if (cached && now - cached.loadedAt < LIFETIME_MS) return cached.terms;
	const loading = generation;
	const terms = listTerms(db);
	const entry = { terms, loadedAt: now };
	cached = entry;
	// A failed load or a change announced while loading must not stay behind for the next reader.
	terms.then(
		() => {
			if (generation !== loading && cached === entry) cached = null;
		},
		() => {
			if (cached === entry) cached = null;
		}
	);
	return terms;
}

export function forgetTerms(): void {
	generation++;
	cached = null;
}

/** Inside the transaction that changes terms: PostgreSQL delivers the NOTIFY on commit. */
export async function announceTaxonomyChange(db: Executor): Promise<void> {
	await sql`select pg_notify(${TAXONOMY_CHANNEL}, '')`.execute(db);
}

/** Started with the runtime; the returned function stops listening (and caching). */
export async function listenForTaxonomyChanges(database: Database): Promise<() => Promise<void>> {
	const unlisten = await database.listen(TAXONOMY_CHANNEL, () => forgetTerms());
	forgetTerms();
	listening = true;
	return async () => {
		listening = false;
		forgetTerms();
		await unlisten();
	};
}
