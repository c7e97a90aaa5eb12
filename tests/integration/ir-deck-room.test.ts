// The deck room: pages rendered by the job, page images watermarked with the viewer, reading time from
// capped beats, the same 404 for strangers and unregistered users, and no PDF download under an NDA.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { NotFoundError } from '$lib/server/errors';
import { deckResponse } from '$lib/server/ir/deck';
import { DeckDownloadOffError } from '$lib/server/ir/deck/errors';
import { deckHandlers } from '$lib/server/ir/deck/jobs';
import { readPage } from '$lib/server/ir/deck/repository';
import { DECK_RENDER_JOB, recordBeat, watermarkedPage } from '$lib/server/ir/deck/service';
import { overlaySvg, watermarkLines } from '$lib/server/ir/deck/watermark';
import { registerForEvent } from '$lib/server/ir/registration';
import { createTestDatabase } from './support/database';
import { multiPagePdf } from './deck-pdf';
import {
	actorOf,
	context,
	createInvestor,
	createOperator,
	createStartup,
	createUser,
	refusal,
	schedule
} from './ir-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const NDA = { ndaRequired: true, ndaText: 'Confidential.', ndaVersion: 'v1' };

/** A session with a 3-page deck, its render job run the way the runner runs it. */
async function deckSession(overrides: Partial<typeof NDA> = {}) {
	const startup = await createStartup(db);
	const operator = await createOperator(db);
	const pdf = new File([multiPagePdf(3)], 'deck.pdf', { type: 'application/pdf' });
	const event = await schedule(db, startup.admin, startup.org.id, { moderatorId: operator.id, ...overrides }, pdf);
	const job = await db
		.selectFrom('jobs')
		.selectAll()
		.where('key', '=', `${DECK_RENDER_JOB}:${event.deck_upload_id}`)
		.executeTakeFirstOrThrow();
	const result = await deckHandlers[DECK_RENDER_JOB]({ db, job, now: new Date(), origin: context.origin });
	return { startup, operator, event, result };
}

describe('deck room', () => {
	it('renders every page in a job after the upload and keeps the page count', async () => {
		const { event, result } = await deckSession();
		expect(result).toEqual({ pages: 3 });
		const render = await db
			.selectFrom('ir_deck_renders')
			.selectAll()
			.where('upload_id', '=', event.deck_upload_id!)
			.executeTakeFirstOrThrow();
		expect(render).toMatchObject({ status: 'ready', page_count: 3, event_id: event.id });
		const meta = await sharp(Buffer.from((await readPage(db, event.deck_upload_id!, 3))!)).metadata();
		expect(meta.format).toBe('jpeg');
	});

	it('burns the viewer (escaped name, firm, local time) into each page image', async () => {
		const { event } = await deckSession();
		const investor = await createInvestor(db);
		await db
			.updateTable('users')
			.set({ name: 'Kim <b>&"Lee"', time_zone: 'Asia/Seoul' })
			.where('id', '=', investor.user.id)
			.execute();
		await registerForEvent(db, actorOf(investor.user), event.id, null, context);
		const at = new Date('2026-12-04T16:00:00Z');
		const lines = watermarkLines({ name: 'Kim <b>&"Lee"', firm: investor.org.name_en, timeZone: 'Asia/Seoul' }, at);
		expect(lines).toEqual(['Kim <b>&"Lee"', investor.org.name_en, '2026-12-05 01:00 (Asia/Seoul)']);
		const svg = overlaySvg(lines, 400, 300);
		expect(svg).toContain('Kim &#60;b&#62;&#38;&#34;Lee&#34;');
		expect(svg).not.toContain('<b>');

		const plain = Buffer.from((await readPage(db, event.deck_upload_id!, 1))!);
		const marked = await watermarkedPage(db, actorOf(investor.user), event.id, 1, at);
		const [a, b] = await Promise.all([plain, marked].map((img) => sharp(img).raw().toBuffer()));
		expect(a.length).toBe(b.length);
		expect(a.equals(b)).toBe(false);
		// The mark is the viewer's own: another investor at the same minute gets another image.
		const other = await createInvestor(db);
		await registerForEvent(db, actorOf(other.user), event.id, null, context);
		const otherMarked = await watermarkedPage(db, actorOf(other.user), event.id, 1, at);
		const c = await sharp(otherMarked).raw().toBuffer();
		expect(c.equals(b)).toBe(false);
		expect(await refusal(watermarkedPage(db, actorOf(investor.user), event.id, 4, at))).toBeInstanceOf(NotFoundError);
	});

	it('answers strangers and unregistered users with 404 for pages and beats', async () => {
		const { event, startup } = await deckSession();
		const stranger = await createUser(db);
		const unregistered = (await createInvestor(db)).user;
		for (const user of [stranger, unregistered, startup.member]) {
			expect(await refusal(watermarkedPage(db, actorOf(user), event.id, 1))).toBeInstanceOf(NotFoundError);
			expect(await refusal(recordBeat(db, actorOf(user), event.id, { page: 1, seconds: 5 }))).toBeInstanceOf(
				NotFoundError
			);
		}
	});

	it('sums page times from beats, each capped and never more than the time elapsed', async () => {
		const { event } = await deckSession();
		const investor = await createInvestor(db);
		await registerForEvent(db, actorOf(investor.user), event.id, null, context);
		const actor = actorOf(investor.user);
		const t0 = Date.parse('2026-12-04T10:00:00Z');
		const beat = (page: number, seconds: number, afterSeconds: number) =>
			recordBeat(db, actor, event.id, { page, seconds }, new Date(t0 + afterSeconds * 1000));
		expect(await beat(1, 10, 0)).toEqual({ seconds: 10 }); // first beat: only the cap applies
		expect(await beat(1, 3600, 15)).toEqual({ seconds: 16 }); // a claimed hour: 15 s elapsed (+1 rounding)
		expect(await beat(2, 20, 35)).toEqual({ seconds: 20 }); // exactly the cap
		expect(await beat(2, 500, 100)).toEqual({ seconds: 20 }); // the cap, although more time passed
		expect(await beat(3, 12, 101)).toEqual({ seconds: 2 }); // a burst: one second elapsed
		const rows = await db
			.selectFrom('ir_deck_page_views')
			.select(['page', 'seconds'])
			.where('user_id', '=', investor.user.id)
			.orderBy('page')
			.execute();
		expect(rows).toEqual([
			{ page: 1, seconds: 26 },
			{ page: 2, seconds: 40 },
			{ page: 3, seconds: 2 }
		]);
		expect(await refusal(beat(4, 5, 200))).toBeInstanceOf(NotFoundError);
	});

	it('refuses the PDF download to registrants under an NDA, allows it without one', async () => {
		const withNda = await deckSession(NDA);
		const investor = await createInvestor(db);
		await registerForEvent(db, actorOf(investor.user), withNda.event.id, 'v1', context);
		expect(await refusal(deckResponse(db, actorOf(investor.user), withNda.event.id))).toBeInstanceOf(
			DeckDownloadOffError
		);
		expect((await deckResponse(db, actorOf(withNda.startup.admin), withNda.event.id)).status).toBe(200);
		expect((await watermarkedPage(db, actorOf(investor.user), withNda.event.id, 2)).length).toBeGreaterThan(0);

		const open = await deckSession();
		await registerForEvent(db, actorOf(investor.user), open.event.id, null, context);
		expect((await deckResponse(db, actorOf(investor.user), open.event.id)).status).toBe(200);
	});
});
