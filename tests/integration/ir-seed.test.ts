// The demo IR sessions: idempotent, and they hold the demo story (an NDA session the investor is
// registered for, one Pulsewise session startup-admin presents, one starting within the hour, past
// sessions with analytics and a follow-up meeting).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { seedDemo } from '$lib/server/seed';
import { computeAnalytics } from '$lib/server/ir/analytics';
import { requireDeckAccess } from '$lib/server/ir/deck';
import { createTestDatabase } from './support/database';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
	await seedDemo(db);
});
afterAll(() => database.close());

const userId = async (email: string) =>
	(await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
const snapshot = () =>
	Promise.all([
		db.selectFrom('ir_events').selectAll().orderBy('id').execute(),
		db.selectFrom('ir_registrations').selectAll().orderBy('event_id').orderBy('user_id').execute(),
		db.selectFrom('ir_attendance').select(['id', 'joined_at', 'left_at']).orderBy('id').execute(),
		db.selectFrom('ir_questions').select(['id', 'votes', 'status']).orderBy('id').execute(),
		db
			.selectFrom('meeting_requests')
			.select(['id', 'status'])
			.where('context_type', '=', 'ir_event')
			.orderBy('id')
			.execute()
	]);

describe('IR seed', () => {
	it('is idempotent', async () => {
		const first = await snapshot();
		await seedDemo(db);
		expect(await snapshot()).toEqual(first);
	});

	it('holds the demo story', async () => {
		const now = Date.now();
		const investor = await userId('investor@medcluster.example');
		const startupAdmin = await userId('startup-admin@medcluster.example');
		const events = await db
			.selectFrom('ir_events')
			.innerJoin('organizations as o', 'o.id', 'ir_events.org_id')
			.selectAll('ir_events')
			.select('o.slug')
			.execute();
		const upcoming = events.filter((e) => e.status === 'scheduled' && e.starts_at.getTime() > now);

		const ndaSession = upcoming.find((e) => e.nda_required && e.deck_upload_id)!;
		const registration = await db
			.selectFrom('ir_registrations')
			.selectAll()
			.where('event_id', '=', ndaSession.id)
			.where('user_id', '=', investor)
			.executeTakeFirstOrThrow();
		expect(registration.nda_version).toBe(ndaSession.nda_version);
		expect(await requireDeckAccess(db, { id: investor, isOperator: false }, ndaSession.id)).toBe(
			ndaSession.deck_upload_id
		);

		const presented = await db
			.selectFrom('ir_event_presenters')
			.select('event_id')
			.where('user_id', '=', startupAdmin)
			.execute();
		expect(upcoming.some((e) => e.slug === 'pulsewise' && presented.some((p) => p.event_id === e.id))).toBe(true);
		expect(upcoming.some((e) => e.starts_at.getTime() - now < 60 * 60_000)).toBe(true);
		expect(events.some((e) => e.status === 'cancelled' && e.cancel_reason)).toBe(true);

		const past = events.filter((e) => e.status === 'ended');
		expect(past.length).toBeGreaterThanOrEqual(2);
		const analytics = await Promise.all(past.map((e) => computeAnalytics(db, e)));
		const richest = analytics.find((a) => a.meetingRequests > 0)!;
		expect(richest.attendees).toBeGreaterThan(0);
		expect(richest.averageWatchSeconds).toBeGreaterThan(0);
		expect(richest.questions.total).toBeGreaterThan(0);
		expect(richest.chatMessages).toBeGreaterThan(0);
		expect(richest.peakViewers).toBeGreaterThan(0);
		const votes = await db
			.selectFrom('ir_question_votes')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.executeTakeFirstOrThrow();
		const counted = await db
			.selectFrom('ir_questions')
			.select((eb) => eb.fn.sum<string>('votes').as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(votes.n)).toBe(Number(counted.n));
	});
});
