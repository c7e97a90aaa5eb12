// Issue #18's course edges: people waiting hear when they move up the queue, and org admins with
// training requests to decide see a counted "Approvals" link in the main navigation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { cancelEnrolment, enrol } from '$lib/server/courses/service';
import { expireOffers } from '$lib/server/courses/jobs';
import { addMember, createUser } from '../factories';
import { closeRuntimeDatabase, openRuntimeDatabase } from './support/runtime-database';
import {
	HOUR,
	NOW,
	context,
	createCohort,
	createCourse,
	createProvider,
	createTrainee,
	waitlist
} from './courses-support';
import { load as layoutLoad } from '../../src/routes/+layout.server';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await openRuntimeDatabase();
	db = database.db;
});
afterAll(() => closeRuntimeDatabase(database));

async function cohortOf(overrides: Record<string, unknown> = {}) {
	const provider = await createProvider(db);
	const course = await createCourse(db, provider.org.id);
	return createCohort(db, course.id, overrides);
}

/** The "moved up" notices a user has, as their positions. */
async function movesOf(userId: string) {
	const rows = await db
		.selectFrom('notifications')
		.select(['kind', 'params'])
		.where('user_id', '=', userId)
		.where('kind', '=', 'courses_waitlist_moved')
		.orderBy('created_at')
		.orderBy('id')
		.execute();
	return rows.map((r) => (r.params as Record<string, string>).position);
}

describe('waitlist position changes', () => {
	it('tells everyone behind a leaver their new position, and the head of the queue when a seat turns into an offer', async () => {
		const cohort = await cohortOf({ capacity: 1 });
		const [seated, first, second, third] = await Promise.all([
			createTrainee(db),
			createTrainee(db),
			createTrainee(db),
			createTrainee(db)
		]);
		const seat = await enrol(db, seated.actor, cohort.id, context, NOW);
		const queued = [];
		for (const t of [first, second, third]) queued.push(await enrol(db, t.actor, cohort.id, context, NOW));
		expect(queued.map((q) => q.position)).toEqual([1, 2, 3]);

		// The first in the queue leaves: the two behind move up, and hear it with their new number.
		await cancelEnrolment(db, first.actor, queued[0].id, context, NOW);
		expect(await movesOf(second.user.id)).toEqual(['1']);
		expect(await movesOf(third.user.id)).toEqual(['2']);
		expect(await movesOf(first.user.id)).toEqual([]);

		// The seated trainee leaves: the head gets an offer (not a "moved" notice), the last one moves to 1.
		await cancelEnrolment(db, seated.actor, seat.id, context, NOW);
		expect(await movesOf(second.user.id)).toEqual(['1']);
		expect(await movesOf(third.user.id)).toEqual(['2', '1']);
		const offered = await db
			.selectFrom('notifications')
			.select('kind')
			.where('user_id', '=', second.user.id)
			.where('kind', '=', 'courses_offered')
			.execute();
		expect(offered).toHaveLength(1);

		// The notice reads in the trainee's language, with the number, and is audited.
		const notice = await db
			.selectFrom('notifications')
			.select(['params', 'link'])
			.where('user_id', '=', third.user.id)
			.where('kind', '=', 'courses_waitlist_moved')
			.orderBy('created_at', 'desc')
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect(notice.params).toMatchObject({ position: '1' });
		const mails = await db
			.selectFrom('email_outbox')
			.select(['subject', 'body_text'])
			.where('to_address', '=', third.user.email)
			.where('subject', 'like', 'You moved up the waitlist%')
			.execute();
		expect(mails.map((mail) => mail.body_text.match(/number \d+/)?.[0])).toEqual(
			expect.arrayContaining(['number 2', 'number 1'])
		);
		const audit = await db
			.selectFrom('audit_log')
			.select('action')
			.where('entity_id', '=', queued[2].id)
			.where('action', '=', 'enrolment.waitlist_moved')
			.execute();
		expect(audit).toHaveLength(2);
	});

	it('tells the queue when an expired offer passes the seat on', async () => {
		const cohort = await cohortOf({ capacity: 1, offer_hours: 1 });
		const [seated, first, second, third] = await Promise.all([
			createTrainee(db),
			createTrainee(db),
			createTrainee(db),
			createTrainee(db)
		]);
		const seat = await enrol(db, seated.actor, cohort.id, context, NOW);
		for (const t of [first, second, third]) await enrol(db, t.actor, cohort.id, context, NOW);
		await cancelEnrolment(db, seated.actor, seat.id, context, NOW); // first is offered; second and third move up
		expect(await movesOf(third.user.id)).toEqual(['2']);

		// The offer lapses: second is offered the seat, third moves to the front and hears it.
		await expireOffers(db, new Date(NOW.getTime() + 2 * HOUR), context);
		expect(await waitlist(db, cohort.id)).toEqual([expect.objectContaining({ user_id: third.user.id, position: 1 })]);
		expect(await movesOf(third.user.id)).toEqual(['2', '1']);
		expect(await movesOf(second.user.id)).toEqual(['1']);
	});
});

describe('approvals in the main navigation', () => {
	const layoutEvent = (user: { id: string; name: string; email: string } | null) =>
		({
			locals: {
				user: user && { ...user, isOperator: false, emailVerified: true },
				locale: 'en',
				timeZone: 'Asia/Seoul'
			},
			cookies: { get: () => undefined }
		}) as unknown as Parameters<typeof layoutLoad>[0];

	it('counts the requests waiting for the signed-in org admin, and none for anybody else', async () => {
		const cohort = await cohortOf({ employer_approval: true });
		const trainee = await createTrainee(db);
		const other = await createTrainee(db);
		const admin = await createUser(db);
		await addMember(db, trainee.orgId, admin.id, 'admin');
		const otherAdmin = await createUser(db);
		await addMember(db, other.orgId, otherAdmin.id, 'owner');

		expect((await layoutLoad(layoutEvent(admin)))!.approvals).toBe(0);
		await enrol(db, trainee.actor, cohort.id, context, NOW);
		expect((await layoutLoad(layoutEvent(admin)))!.approvals).toBe(1);
		// Another organisation's admin, the trainee, and a visitor see nothing to approve.
		expect((await layoutLoad(layoutEvent(otherAdmin)))!.approvals).toBe(0);
		expect((await layoutLoad(layoutEvent(trainee.user)))!.approvals).toBe(0);
		expect((await layoutLoad(layoutEvent(null)))!.approvals).toBe(0);
	});
});
