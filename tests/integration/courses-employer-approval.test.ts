// Employer approval: a request waits without a seat, an admin of the trainee's organisation (and no
// other) approves it into a seat or the queue, or refuses it with a reason; every step audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { enrol } from '$lib/server/courses/service';
import { approveEnrolment, listPendingApprovals, refuseEnrolment } from '$lib/server/courses/employer';
import { NotFoundError, InvalidStateError } from '$lib/server/errors';
import { AlreadyEnrolledError } from '$lib/server/courses/errors';
import { addMember, createUser } from '../factories';
import { createTestDatabase } from './support/database';
import {
	NOW,
	context,
	createCohort,
	createCourse,
	createProvider,
	createTrainee,
	statusCounts
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
	const cohort = await createCohort(db, course.id, { employer_approval: true, ...overrides });
	return { cohort };
}

/** A trainee whose organisation has an admin of its own. */
async function traineeWithEmployer() {
	const trainee = await createTrainee(db);
	const admin = await createUser(db);
	await addMember(db, trainee.orgId, admin.id, 'admin');
	return { ...trainee, admin: { id: admin.id, isOperator: false } };
}

const auditOf = (id: string) =>
	db
		.selectFrom('audit_log')
		.select('action')
		.where('entity_type', '=', 'enrolment')
		.where('entity_id', '=', id)
		.orderBy('id')
		.execute()
		.then((rows) => rows.map((r) => r.action));

describe('employer approval', () => {
	it('holds no seat until the employer approves; approval seats the trainee, or queues them when full', async () => {
		const { cohort } = await setup({ capacity: 1 });
		const [a, b] = await Promise.all([traineeWithEmployer(), traineeWithEmployer()]);
		const first = await enrol(db, a.actor, cohort.id, context, NOW);
		const second = await enrol(db, b.actor, cohort.id, context, NOW);
		expect(first).toMatchObject({ status: 'awaiting_employer', position: null });
		expect(await statusCounts(db, cohort.id)).toEqual({ awaiting_employer: 2 });
		await expect(enrol(db, a.actor, cohort.id, context, NOW)).rejects.toBeInstanceOf(AlreadyEnrolledError);

		// The admins were told, and each sees only their own member's request.
		const notices = await db.selectFrom('notifications').select('kind').where('user_id', '=', a.admin.id).execute();
		expect(notices.map((n) => n.kind)).toEqual(['courses_approval_requested']);
		expect((await listPendingApprovals(db, a.admin.id)).map((r) => r.id)).toEqual([first.id]);

		expect(await approveEnrolment(db, b.admin, second.id, context, NOW)).toMatchObject({
			status: 'enrolled',
			position: null
		});
		expect(await approveEnrolment(db, a.admin, first.id, context, NOW)).toMatchObject({
			status: 'waitlisted',
			position: 1
		});
		await expect(approveEnrolment(db, a.admin, first.id, context, NOW)).rejects.toBeInstanceOf(InvalidStateError);
		expect(await statusCounts(db, cohort.id)).toEqual({ enrolled: 1, waitlisted: 1 });
		const decided = await db
			.selectFrom('enrolments')
			.select(['employer_decided_by', 'enrolled_at'])
			.where('id', '=', second.id)
			.executeTakeFirstOrThrow();
		expect(decided).toEqual({ employer_decided_by: b.admin.id, enrolled_at: NOW });
		expect(await auditOf(first.id)).toEqual(['enrolment.awaiting_employer', 'enrolment.employer_approved']);
		const told = await db
			.selectFrom('notifications')
			.select('kind')
			.where('user_id', '=', a.user.id)
			.orderBy('created_at')
			.execute();
		expect(told.map((n) => n.kind)).toEqual(['courses_awaiting_employer', 'courses_waitlisted']);
	});

	it('refuses with a reason the trainee is told', async () => {
		const { cohort } = await setup();
		const a = await traineeWithEmployer();
		const request = await enrol(db, a.actor, cohort.id, context, NOW);
		await refuseEnrolment(db, a.admin, request.id, '업무 일정과 겹칩니다', context, NOW);
		const row = await db
			.selectFrom('enrolments')
			.select(['status', 'refusal_reason', 'employer_decided_by'])
			.where('id', '=', request.id)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ status: 'refused', refusal_reason: '업무 일정과 겹칩니다', employer_decided_by: a.admin.id });
		expect(await auditOf(request.id)).toEqual(['enrolment.awaiting_employer', 'enrolment.employer_refused']);
		const notice = await db
			.selectFrom('notifications')
			.select(['kind', 'params'])
			.where('user_id', '=', a.user.id)
			.where('kind', '=', 'courses_employer_refused')
			.executeTakeFirstOrThrow();
		expect(notice.params).toMatchObject({ reason: '업무 일정과 겹칩니다' });
		await expect(approveEnrolment(db, a.admin, request.id, context, NOW)).rejects.toBeInstanceOf(InvalidStateError);
		// A refused request is history: the trainee may ask again.
		expect((await enrol(db, a.actor, cohort.id, context, NOW)).status).toBe('awaiting_employer');
	});

	it('lets no admin of another organisation, nor the trainee, decide', async () => {
		const { cohort } = await setup();
		const [a, b] = await Promise.all([traineeWithEmployer(), traineeWithEmployer()]);
		const request = await enrol(db, a.actor, cohort.id, context, NOW);
		await expect(approveEnrolment(db, b.admin, request.id, context, NOW)).rejects.toBeInstanceOf(NotFoundError);
		await expect(refuseEnrolment(db, b.admin, request.id, 'no', context, NOW)).rejects.toBeInstanceOf(NotFoundError);
		await expect(approveEnrolment(db, a.actor, request.id, context, NOW)).rejects.toBeInstanceOf(NotFoundError);
		expect(await listPendingApprovals(db, b.admin.id)).toEqual([]);
		expect(await statusCounts(db, cohort.id)).toEqual({ awaiting_employer: 1 });
	});
});
