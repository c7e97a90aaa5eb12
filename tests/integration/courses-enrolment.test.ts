// The enrolment rules one at a time: who may enrol, when, in what order, and what is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { acceptOffer, cancelEnrolment, enrol, type EnrolmentResult } from '$lib/server/courses/service';
import {
	AlreadyEnrolledError,
	CohortFullError,
	EnrolmentClosedError,
	OfferExpiredError,
	PrerequisiteMissingError
} from '$lib/server/courses/errors';
import { OrgNotVerifiedError } from '$lib/server/orgs/errors';
import { NotFoundError } from '$lib/server/errors';
import { addMember, createOrganization, createUser } from '../factories';
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
	waitlist
} from './courses-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

async function setup(overrides: Record<string, unknown> = {}) {
	const provider = await createProvider(db);
	const course = await createCourse(db, provider.org.id);
	const cohort = await createCohort(db, course.id, overrides);
	return { provider, course, cohort };
}

describe('enrolment rules', () => {
	it('refuses people without a verified organisation, outside the window, and twice', async () => {
		const { cohort } = await setup();
		const loner = await createUser(db);
		await expect(enrol(db, { id: loner.id, isOperator: false }, cohort.id, context, NOW)).rejects.toBeInstanceOf(
			OrgNotVerifiedError
		);
		const pendingOrg = await createOrganization(db, { status: 'pending' });
		await addMember(db, pendingOrg.id, loner.id, 'owner');
		await expect(enrol(db, { id: loner.id, isOperator: false }, cohort.id, context, NOW)).rejects.toBeInstanceOf(
			OrgNotVerifiedError
		);

		const trainee = await createTrainee(db);
		await expect(
			enrol(db, trainee.actor, cohort.id, context, new Date(NOW.getTime() - 8 * DAY))
		).rejects.toBeInstanceOf(EnrolmentClosedError);
		await expect(
			enrol(db, trainee.actor, cohort.id, context, new Date(NOW.getTime() + 14 * DAY))
		).rejects.toBeInstanceOf(EnrolmentClosedError);
		expect(await enrol(db, trainee.actor, cohort.id, context, NOW)).toMatchObject({
			status: 'enrolled',
			position: null
		});
		await expect(enrol(db, trainee.actor, cohort.id, context, NOW)).rejects.toBeInstanceOf(AlreadyEnrolledError);
		await expect(enrol(db, trainee.actor, '00000000-0000-0000-0000-000000000000', context, NOW)).rejects.toBeInstanceOf(
			NotFoundError
		);
	});

	it('enforces prerequisites: a valid certificate of each prerequisite course', async () => {
		const { provider, course, cohort } = await setup();
		const basics = await createCourse(db, provider.org.id, { title_en: 'Basics' });
		await db.insertInto('course_prerequisites').values({ course_id: course.id, prerequisite_id: basics.id }).execute();
		const trainee = await createTrainee(db);
		const refusal = await enrol(db, trainee.actor, cohort.id, context, NOW).catch((e) => e);
		expect(refusal).toBeInstanceOf(PrerequisiteMissingError);
		expect(refusal.params.courses_en).toBe('Basics');

		const basicsCohort = await createCohort(db, basics.id, {
			enrol_opens_at: new Date(NOW.getTime() - 90 * DAY),
			enrol_closes_at: new Date(NOW.getTime() - 60 * DAY)
		});
		const done = await db
			.insertInto('enrolments')
			.values({ cohort_id: basicsCohort.id, user_id: trainee.user.id, org_id: trainee.orgId, status: 'completed' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const certificate = await db
			.insertInto('certificates')
			.values({ serial: 'MC-TEST-0001', enrolment_id: done.id, issued_at: new Date(NOW.getTime() - 30 * DAY) })
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.updateTable('certificates')
			.set({ revoked_at: NOW, revoked_reason: 'test' })
			.where('id', '=', certificate.id)
			.execute();
		await expect(enrol(db, trainee.actor, cohort.id, context, NOW)).rejects.toBeInstanceOf(PrerequisiteMissingError);
		await db
			.updateTable('certificates')
			.set({ revoked_at: null, revoked_reason: null })
			.where('id', '=', certificate.id)
			.execute();
		expect((await enrol(db, trainee.actor, cohort.id, context, NOW)).status).toBe('enrolled');
	});

	it('refuses a full cohort that keeps no waitlist', async () => {
		const { cohort } = await setup({ capacity: 1, waitlist_enabled: false });
		const [a, b] = await Promise.all([createTrainee(db), createTrainee(db)]);
		await enrol(db, a.actor, cohort.id, context, NOW);
		await expect(enrol(db, b.actor, cohort.id, context, NOW)).rejects.toBeInstanceOf(CohortFullError);
	});

	it('offers a freed seat to the head of the queue, who accepts within the deadline; audits every step', async () => {
		const { cohort } = await setup({ capacity: 1, offer_hours: 24 });
		const [a, b, c] = await Promise.all([createTrainee(db), createTrainee(db), createTrainee(db)]);
		const seat = await enrol(db, a.actor, cohort.id, context, NOW);
		const queued = await enrol(db, b.actor, cohort.id, context, NOW);
		expect(queued).toMatchObject({ status: 'waitlisted', position: 1 });
		expect(await enrol(db, c.actor, cohort.id, context, NOW)).toMatchObject({ status: 'waitlisted', position: 2 });

		// Somebody else cannot cancel it: for them it does not exist.
		await expect(cancelEnrolment(db, c.actor, seat.id, context, NOW)).rejects.toBeInstanceOf(NotFoundError);
		await cancelEnrolment(db, a.actor, seat.id, context, NOW);
		const offer = await db.selectFrom('enrolments').selectAll().where('id', '=', queued.id).executeTakeFirstOrThrow();
		expect(offer.status).toBe('offered');
		expect(offer.offer_expires_at!.getTime()).toBe(NOW.getTime() + 24 * HOUR);
		expect((await waitlist(db, cohort.id)).map((w) => [w.user_id, w.position])).toEqual([[c.user.id, 1]]);

		// Only the person it was made to may accept.
		await expect(acceptOffer(db, c.actor, queued.id, context, NOW)).rejects.toBeInstanceOf(NotFoundError);
		const accepted = await acceptOffer(db, b.actor, queued.id, context, new Date(NOW.getTime() + HOUR));
		expect(accepted.status).toBe('enrolled');

		const actions = await db
			.selectFrom('audit_log')
			.select(['action', 'entity_id', 'actor_id'])
			.where('entity_type', '=', 'enrolment')
			.where('entity_id', 'in', [seat.id, queued.id])
			.orderBy('id')
			.execute();
		expect(actions.map((x) => x.action)).toEqual([
			'enrolment.enrolled',
			'enrolment.waitlisted',
			'enrolment.cancelled',
			'enrolment.offered',
			'enrolment.offer_accepted'
		]);
		const notices = await db
			.selectFrom('notifications')
			.select('kind')
			.where('user_id', '=', b.user.id)
			.orderBy('created_at')
			.execute();
		expect(notices.map((n) => n.kind)).toEqual(['courses_waitlisted', 'courses_offered', 'courses_enrolled']);
	});

	it('refuses to accept an offer after its deadline', async () => {
		const { cohort } = await setup({ capacity: 1, offer_hours: 48 });
		const [a, b] = await Promise.all([createTrainee(db), createTrainee(db)]);
		const seat = await enrol(db, a.actor, cohort.id, context, NOW);
		const queued = await enrol(db, b.actor, cohort.id, context, NOW);
		await cancelEnrolment(db, a.actor, seat.id, context, NOW);
		await expect(
			acceptOffer(db, b.actor, queued.id, context, new Date(NOW.getTime() + 48 * HOUR))
		).rejects.toBeInstanceOf(OfferExpiredError);
	});

	it('lets a waitlisted person leave the queue and closes the gap', async () => {
		const { cohort } = await setup({ capacity: 1 });
		const people = await Promise.all(Array.from({ length: 5 }, () => createTrainee(db)));
		const results: EnrolmentResult[] = [];
		for (const p of people) results.push(await enrol(db, p.actor, cohort.id, context, NOW));
		await cancelEnrolment(db, people[2].actor, results[2].id, context, NOW);
		expect((await waitlist(db, cohort.id)).map((w) => [w.user_id, w.position])).toEqual([
			[people[1].user.id, 1],
			[people[3].user.id, 2],
			[people[4].user.id, 3]
		]);
	});
});
