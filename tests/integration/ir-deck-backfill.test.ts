// Decks uploaded before the deck room existed: the backfill migration queues a render for each current
// deck without one (once, however often it runs), the job renders it, and a PDF pdftoppm cannot read
// ends as a failed render rather than a job retried for ever.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { deckHandlers } from '$lib/server/ir/deck/jobs';
import { DECK_RENDER_JOB } from '$lib/server/ir/deck/service';
import { up as backfill } from '$migrations/20261208T0300_deck_render_backfill';
import { createTestDatabase } from './support/database';
import { multiPagePdf } from './deck-pdf';
import { context, createOperator, createStartup, schedule } from './ir-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

/** A session whose deck was stored before the deck room: its render row and job removed. */
async function oldDeckSession(bytes: Uint8Array<ArrayBuffer>) {
	const startup = await createStartup(db);
	const operator = await createOperator(db);
	const pdf = new File([bytes], 'deck.pdf', { type: 'application/pdf' });
	const event = await schedule(db, startup.admin, startup.org.id, { moderatorId: operator.id }, pdf);
	const uploadId = event.deck_upload_id!;
	await db.deleteFrom('jobs').where('key', '=', `${DECK_RENDER_JOB}:${uploadId}`).execute();
	await db.deleteFrom('ir_deck_renders').where('upload_id', '=', uploadId).execute();
	return { event, uploadId };
}

const renderOf = (uploadId: string) =>
	db.selectFrom('ir_deck_renders').selectAll().where('upload_id', '=', uploadId).executeTakeFirst();
const jobsOf = (uploadId: string) =>
	db.selectFrom('jobs').selectAll().where('key', '=', `${DECK_RENDER_JOB}:${uploadId}`).execute();

describe('deck render backfill', () => {
	it('queues one render per deck without one, and the job renders it', async () => {
		const { event, uploadId } = await oldDeckSession(multiPagePdf(2));
		expect(await renderOf(uploadId)).toBeUndefined();
		await backfill(db);
		await backfill(db);
		expect(await renderOf(uploadId)).toMatchObject({ status: 'pending', event_id: event.id });
		const jobs = await jobsOf(uploadId);
		expect(jobs).toHaveLength(1);
		const result = await deckHandlers[DECK_RENDER_JOB]({ db, job: jobs[0], now: new Date(), origin: context.origin });
		expect(result).toEqual({ pages: 2 });
		expect(await renderOf(uploadId)).toMatchObject({ status: 'ready', page_count: 2 });
		// Run again after the render: nothing new is queued.
		await backfill(db);
		expect(await jobsOf(uploadId)).toHaveLength(1);
	});

	it('ends a deck pdftoppm cannot read as a failed render', async () => {
		// A PDF signature (the upload check passes) with nothing readable after it.
		const broken = new Uint8Array(new TextEncoder().encode('%PDF-1.4\n% not really a document\n%%EOF\n'));
		const { uploadId } = await oldDeckSession(broken);
		await backfill(db);
		const [job] = await jobsOf(uploadId);
		expect(await deckHandlers[DECK_RENDER_JOB]({ db, job, now: new Date(), origin: context.origin })).toEqual({
			pages: 0
		});
		expect(await renderOf(uploadId)).toMatchObject({ status: 'failed', page_count: null });
		// A failed render is not pending: the backfill does not queue it again.
		await db.deleteFrom('jobs').where('key', '=', job.key).execute();
		await backfill(db);
		expect(await jobsOf(uploadId)).toHaveLength(0);
	});
});
