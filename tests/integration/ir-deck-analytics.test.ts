// The deck's reading per investor firm: viewers, total and per-page time, completion, the CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { deckAnalytics, deckCsv } from '$lib/server/ir/deck/analytics';
import { deckHandlers } from '$lib/server/ir/deck/jobs';
import { DECK_RENDER_JOB, recordBeat } from '$lib/server/ir/deck/service';
import { registerForEvent } from '$lib/server/ir/registration';
import { updateEvent } from '$lib/server/ir/service';
import { addMember, createUser } from '../factories';
import { createTestDatabase } from './support/database';
import { multiPagePdf } from './deck-pdf';
import { actorOf, context, createInvestor, createOperator, createStartup, eventInput, schedule } from './ir-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

describe('deck analytics', () => {
	it('sums viewers, time, time per page and completion per firm, and exports them', async () => {
		const startup = await createStartup(db);
		const operator = await createOperator(db);
		const pdf = new File([multiPagePdf(2)], 'deck.pdf', { type: 'application/pdf' });
		const event = await schedule(db, startup.admin, startup.org.id, { moderatorId: operator.id }, pdf);
		const job = await db
			.selectFrom('jobs')
			.selectAll()
			.where('key', '=', `${DECK_RENDER_JOB}:${event.deck_upload_id}`)
			.executeTakeFirstOrThrow();
		await deckHandlers[DECK_RENDER_JOB]({ db, job, now: new Date(), origin: context.origin });

		const a = await createInvestor(db);
		const a2 = await createUser(db);
		await addMember(db, a.org.id, a2.id, 'member');
		const b = await createInvestor(db);
		for (const user of [a.user, a2, b.user]) await registerForEvent(db, actorOf(user), event.id, null, context);
		const t0 = Date.parse('2026-12-04T10:00:00Z');
		const beat = (user: { id: string }, page: number, seconds: number, after: number) =>
			recordBeat(db, actorOf(user), event.id, { page, seconds }, new Date(t0 + after * 1000));
		await beat(a.user, 1, 10, 0);
		await beat(a.user, 2, 15, 15);
		await beat(a2, 1, 999, 0); // capped at 20
		await beat(b.user, 1, 5, 0);

		const stats = await deckAnalytics(db, event.id, 'en', 'No firm');
		expect(stats).toEqual([
			{ firm: a.org.name_en, viewers: 2, totalSeconds: 45, pageSeconds: [30, 15], completed: 1 },
			{ firm: b.org.name_en, viewers: 1, totalSeconds: 5, pageSeconds: [5], completed: 0 }
		]);
		const csv = deckCsv(stats, {
			firm: 'Firm',
			viewers: 'Viewers',
			totalSeconds: 'Total',
			completed: 'Done',
			page: 'Page'
		});
		const lines = csv
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(lines[0]).toBe('Firm,Viewers,Total,Done,Page 1,Page 2');
		expect(lines[2]).toBe(`${b.org.name_en},1,5,0,5,0`);

		// A new version: registrants are told, the old version's reading stays in the analytics.
		const v2 = new File([multiPagePdf(3)], 'deck-v2.pdf', { type: 'application/pdf' });
		const input = eventInput({ moderatorId: operator.id, startsAt: event.starts_at });
		await updateEvent(db, actorOf(startup.admin), event.id, { input, deck: v2 }, context);
		const told = await db
			.selectFrom('notifications')
			.select('user_id')
			.where('kind', '=', 'ir_deck_new_version')
			.where('user_id', 'in', [a.user.id, a2.id, b.user.id])
			.execute();
		expect(told).toHaveLength(3);
		expect(await deckAnalytics(db, event.id, 'en', 'No firm')).toEqual(stats);
	});
});
