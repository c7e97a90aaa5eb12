// The invariants under real concurrency: a cohort never overfills, the queue has no gaps or
// duplicates, an expired offer passes on exactly once however often the job runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { cancelEnrolment, enrol, type EnrolmentResult } from '$lib/server/courses/service';
import { expireOffers } from '$lib/server/courses/jobs';
import { createTestDatabase } from './support/database';
import {
	DAY,
	HOUR,
	NOW,
	context,
	createCohort,
	createCourse,
	createProvider,
	createTrainee,
	statusCounts,
	waitlist
} from './courses-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

describe('course enrolment under concurrency', () => {
	it('enrols exactly 30 of 500 parallel requests and queues the other 470 at positions 1..470', async () => {
		const { org } = await createProvider(db);
		const course = await createCourse(db, org.id);
		const cohort = await createCohort(db, course.id, { capacity: 30 });
		const trainees = [];
		for (let i = 0; i < 500; i += 50)
			trainees.push(...(await Promise.all(Array.from({ length: 50 }, () => createTrainee(db)))));

		const started = performance.now();
		const results = await Promise.allSettled(trainees.map((t) => enrol(db, t.actor, cohort.id, context, NOW)));
		const elapsed = Math.round(performance.now() - started);

		expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
		const values = results.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof enrol>>>).value);
		expect(values.filter((v) => v.status === 'enrolled')).toHaveLength(30);
		expect(
			values
				.filter((v) => v.status === 'waitlisted')
				.map((v) => v.position)
				.sort((a, b) => a! - b!)
		).toEqual(Array.from({ length: 470 }, (_, i) => i + 1));
		expect(await statusCounts(db, cohort.id)).toEqual({ enrolled: 30, waitlisted: 470 });
		expect((await waitlist(db, cohort.id)).map((w) => w.position)).toEqual(
			Array.from({ length: 470 }, (_, i) => i + 1)
		);
		const audits = await db
			.selectFrom('audit_log')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('entity_type', '=', 'enrolment')
			.where('action', 'in', ['enrolment.enrolled', 'enrolment.waitlisted'])
			.executeTakeFirstOrThrow();
		expect(Number(audits.n)).toBe(500);
		console.info(`500 parallel enrolments: ${elapsed} ms`);
	});

	it('promotes in order when many enrolled people cancel at once, and keeps positions gapless', async () => {
		const { org } = await createProvider(db);
		const course = await createCourse(db, org.id);
		const cohort = await createCohort(db, course.id, { capacity: 10 });
		const trainees = await Promise.all(Array.from({ length: 40 }, () => createTrainee(db)));
		const enrolments: EnrolmentResult[] = [];
		for (const t of trainees) enrolments.push(await enrol(db, t.actor, cohort.id, context, NOW));
		const queueBefore = await waitlist(db, cohort.id);

		// Five enrolled people and five people in the middle of the queue cancel at the same moment.
		const leaving = [...enrolments.slice(0, 5), ...enrolments.slice(20, 25)];
		await Promise.all(
			leaving.map((e, i) =>
				cancelEnrolment(db, trainees[enrolments.indexOf(e)].actor, e.id, context, new Date(NOW.getTime() + i))
			)
		);

		const offered = await db
			.selectFrom('enrolments')
			.select('user_id')
			.where('cohort_id', '=', cohort.id)
			.where('status', '=', 'offered')
			.execute();
		const leftQueue = new Set(leaving.map((e) => e.id));
		const expectedOffers = queueBefore
			.filter((w) => !leftQueue.has(w.id))
			.slice(0, 5)
			.map((w) => w.user_id);
		expect(offered.map((o) => o.user_id).sort()).toEqual(expectedOffers.sort());
		const queue = await waitlist(db, cohort.id);
		expect(queue.map((w) => w.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
		expect(queue.map((w) => w.id)).toEqual(
			queueBefore
				.filter((w) => !leftQueue.has(w.id))
				.slice(5)
				.map((w) => w.id)
		);
	});

	it('passes an expired offer to the next person exactly once, even when the job runs concurrently and again', async () => {
		const { org } = await createProvider(db);
		const course = await createCourse(db, org.id);
		const cohort = await createCohort(db, course.id, { capacity: 1, offer_hours: 48 });
		const [first, second, third, fourth] = await Promise.all(Array.from({ length: 4 }, () => createTrainee(db)));
		const seat = await enrol(db, first.actor, cohort.id, context, NOW);
		const w2 = await enrol(db, second.actor, cohort.id, context, NOW);
		const w3 = await enrol(db, third.actor, cohort.id, context, NOW);
		await enrol(db, fourth.actor, cohort.id, context, NOW);
		await cancelEnrolment(db, first.actor, seat.id, context, NOW);

		// Other tests' offers share the database: look only at this cohort's enrolments.
		const mine = new Set(
			(await db.selectFrom('enrolments').select('id').where('cohort_id', '=', cohort.id).execute()).map((e) => e.id)
		);
		const ofMine = (ids: string[]) => ids.filter((id) => mine.has(id));
		const later = new Date(NOW.getTime() + 48 * HOUR + 1);
		const runs = await Promise.all([
			expireOffers(db, later, context),
			expireOffers(db, later, context),
			expireOffers(db, later, context)
		]);
		expect(ofMine(runs.flatMap((r) => r.expired))).toEqual([w2.id]);
		expect(ofMine(runs.flatMap((r) => r.offered))).toEqual([w3.id]);
		const again = await expireOffers(db, later, context);
		expect(again).toEqual({ expired: [], offered: [] });

		expect(await statusCounts(db, cohort.id)).toEqual({ cancelled: 1, expired: 1, offered: 1, waitlisted: 1 });
		expect((await waitlist(db, cohort.id)).map((w) => [w.user_id, w.position])).toEqual([[fourth.user.id, 1]]);
		const offers = await db
			.selectFrom('audit_log')
			.select('entity_id')
			.where('action', '=', 'enrolment.offered')
			.where('entity_id', 'in', [w2.id, w3.id])
			.execute();
		expect(offers.map((o) => o.entity_id).sort()).toEqual([w2.id, w3.id].sort());
		const notices = await db
			.selectFrom('notifications')
			.select('kind')
			.where('user_id', '=', third.user.id)
			.orderBy('created_at')
			.execute();
		expect(notices.map((n) => n.kind)).toEqual(['courses_waitlisted', 'courses_waitlist_moved', 'courses_offered']);
		// Two days after the next deadline the last offer lapses too, and nobody is left to take the seat.
		const end = await expireOffers(db, new Date(later.getTime() + 3 * DAY), context);
		expect(ofMine(end.expired)).toEqual([w3.id]);
	});
});
