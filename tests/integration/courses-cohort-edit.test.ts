// A course manager edits or cancels a cohort: a capacity cut below the seats held is refused (also
// against enrolments racing it), a raise offers seats to the queue in order, moved meetings reach the
// trainees and their calendars, and a cancellation ends every live place, clears the queue, refunds
// voucher-paid fees exactly once and tells everyone, in their language, why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { cancelCohort, editCohort, type CohortEdit } from '$lib/server/courses/cohort-edit';
import { enrol } from '$lib/server/courses/service';
import {
	CapacityBelowSeatsError,
	CohortCancelledError,
	EnrolmentClosedError,
	MeetingInvalidError,
	NotCourseManagerError
} from '$lib/server/courses/errors';
import { countSeats } from '$lib/server/courses/repository';
import { listCourseItems } from '$lib/server/schedule/sources/courses';
import { createUser } from '../factories';
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
import { balanceOf, grantVoucher, ledgerOf } from './vouchers-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const LATER = new Date('2027-01-01T00:00:00Z');

async function setup(overrides: Record<string, unknown> = {}) {
	const provider = await createProvider(db);
	const course = await createCourse(db, provider.org.id);
	const cohort = await createCohort(db, course.id, overrides);
	return { provider, course, cohort, manager: provider.actor };
}

/** The cohort as it stands, as an edit that changes nothing. */
async function unchanged(cohortId: string): Promise<CohortEdit> {
	const c = await db.selectFrom('cohorts').selectAll().where('id', '=', cohortId).executeTakeFirstOrThrow();
	return {
		labelKo: c.label_ko,
		labelEn: c.label_en,
		capacity: c.capacity,
		opensAt: c.enrol_opens_at,
		closesAt: c.enrol_closes_at,
		offerHours: c.offer_hours,
		meetings: []
	};
}

const auditActions = (entityId: string) =>
	db
		.selectFrom('audit_log')
		.select('action')
		.where('entity_id', '=', entityId)
		.orderBy('id')
		.execute()
		.then((rows) => rows.map((r) => r.action));
const noticesOf = (userId: string) =>
	db
		.selectFrom('notifications')
		.select(['kind', 'params'])
		.where('user_id', '=', userId)
		.orderBy('created_at')
		.execute();

describe('editing a cohort', () => {
	it('refuses a capacity below the seats held, changing nothing, and accepts exactly the seats held', async () => {
		const { cohort, manager } = await setup({ capacity: 5 });
		const trainees = await Promise.all(Array.from({ length: 3 }, () => createTrainee(db)));
		for (const t of trainees) await enrol(db, t.actor, cohort.id, context, NOW);

		const cut = editCohort(
			db,
			manager,
			cohort.id,
			{ ...(await unchanged(cohort.id)), capacity: 2, labelEn: 'Renamed' },
			context,
			NOW
		);
		await expect(cut).rejects.toBeInstanceOf(CapacityBelowSeatsError);
		await expect(cut).rejects.toMatchObject({ params: { held: 3, capacity: 2 } });
		const after = await db
			.selectFrom('cohorts')
			.select(['capacity', 'label_en'])
			.where('id', '=', cohort.id)
			.executeTakeFirstOrThrow();
		expect(after).toEqual({ capacity: 5, label_en: 'Cohort 1' });
		expect(await auditActions(cohort.id)).not.toContain('cohort.edited');

		await editCohort(db, manager, cohort.id, { ...(await unchanged(cohort.id)), capacity: 3 }, context, NOW);
		expect(
			(await db.selectFrom('cohorts').select('capacity').where('id', '=', cohort.id).executeTakeFirstOrThrow()).capacity
		).toBe(3);
		expect(await auditActions(cohort.id)).toContain('cohort.edited');
	});

	it('offers the seats a raise opens to the queue, in order, and moves the rest up', async () => {
		const { cohort, manager } = await setup({ capacity: 1 });
		const trainees = await Promise.all(Array.from({ length: 4 }, () => createTrainee(db)));
		for (const t of trainees) await enrol(db, t.actor, cohort.id, context, NOW);
		expect(await statusCounts(db, cohort.id)).toEqual({ enrolled: 1, waitlisted: 3 });

		const result = await editCohort(
			db,
			manager,
			cohort.id,
			{ ...(await unchanged(cohort.id)), capacity: 3, offerHours: 24 },
			context,
			NOW
		);
		expect(result.offered).toBe(2);
		const offered = await db
			.selectFrom('enrolments')
			.select(['user_id', 'offer_expires_at'])
			.where('cohort_id', '=', cohort.id)
			.where('status', '=', 'offered')
			.execute();
		expect(offered.map((o) => o.user_id).sort()).toEqual([trainees[1].user.id, trainees[2].user.id].sort());
		// The new offer window applies to the offers the raise made.
		expect(offered.every((o) => o.offer_expires_at!.getTime() === NOW.getTime() + 24 * HOUR)).toBe(true);
		expect(await waitlist(db, cohort.id)).toEqual([
			expect.objectContaining({ user_id: trainees[3].user.id, position: 1 })
		]);
		expect((await noticesOf(trainees[1].user.id)).map((n) => n.kind)).toContain('courses_offered');
		expect((await noticesOf(trainees[3].user.id)).map((n) => n.kind)).toContain('courses_waitlist_moved');
	});

	it('moves meetings: trainees are told, the calendar version rises, a foreign or backwards meeting is refused', async () => {
		const { cohort, manager } = await setup();
		const trainee = await createTrainee(db);
		await enrol(db, trainee.actor, cohort.id, context, NOW);
		const meetings = await db
			.selectFrom('cohort_meetings')
			.selectAll()
			.where('cohort_id', '=', cohort.id)
			.orderBy('starts_at')
			.execute();
		const moved = {
			id: meetings[0].id,
			start: new Date(meetings[0].starts_at.getTime() + 2 * HOUR),
			end: new Date(meetings[0].ends_at.getTime() + 2 * HOUR)
		};

		await expect(
			editCohort(
				db,
				manager,
				cohort.id,
				{ ...(await unchanged(cohort.id)), meetings: [{ ...moved, end: moved.start }] },
				context,
				NOW
			)
		).rejects.toBeInstanceOf(MeetingInvalidError);
		const other = await setup();
		const foreign = (
			await db
				.selectFrom('cohort_meetings')
				.select('id')
				.where('cohort_id', '=', other.cohort.id)
				.executeTakeFirstOrThrow()
		).id;
		await expect(
			editCohort(
				db,
				manager,
				cohort.id,
				{ ...(await unchanged(cohort.id)), meetings: [{ ...moved, id: foreign }] },
				context,
				NOW
			)
		).rejects.toBeInstanceOf(MeetingInvalidError);

		// An unchanged meeting sent along is no move.
		const same = { id: meetings[1].id, start: meetings[1].starts_at, end: meetings[1].ends_at };
		expect(
			(
				await editCohort(
					db,
					manager,
					cohort.id,
					{ ...(await unchanged(cohort.id)), meetings: [moved, same] },
					context,
					NOW
				)
			).moved
		).toBe(1);
		const after = await db
			.selectFrom('cohort_meetings')
			.select(['id', 'starts_at', 'sequence'])
			.where('cohort_id', '=', cohort.id)
			.execute();
		expect(after.find((m) => m.id === moved.id)).toMatchObject({ starts_at: moved.start, sequence: 1 });
		expect(after.find((m) => m.id === same.id)?.sequence).toBe(0);
		expect((await noticesOf(trainee.user.id)).map((n) => n.kind)).toEqual([
			'courses_enrolled',
			'courses_cohort_rescheduled'
		]);
		const items = await listCourseItems(db, trainee.user.id, {
			from: NOW,
			to: new Date(NOW.getTime() + 60 * DAY),
			includeCancelled: true
		});
		expect(items.find((i) => i.uid.includes(moved.id))).toMatchObject({
			startsAt: moved.start,
			sequence: 1,
			status: 'confirmed'
		});
	});

	it('is refused to a manager of another course, and after cancellation', async () => {
		const { cohort, manager } = await setup();
		const stranger = await createProvider(db);
		await expect(
			editCohort(db, stranger.actor, cohort.id, await unchanged(cohort.id), context, NOW)
		).rejects.toBeInstanceOf(NotCourseManagerError);
		await expect(cancelCohort(db, stranger.actor, cohort.id, 'no', context, NOW)).rejects.toBeInstanceOf(
			NotCourseManagerError
		);
		expect(
			(await db.selectFrom('cohorts').select('cancelled_at').where('id', '=', cohort.id).executeTakeFirstOrThrow())
				.cancelled_at
		).toBeNull();
		await cancelCohort(db, manager, cohort.id, 'Instructor ill', context, NOW);
		await expect(editCohort(db, manager, cohort.id, await unchanged(cohort.id), context, NOW)).rejects.toBeInstanceOf(
			CohortCancelledError
		);
	});
});

describe('cancelling a cohort', () => {
	it('ends every place, clears the queue, refunds voucher-paid fees once, and tells each trainee in their language', async () => {
		const { cohort, manager } = await setup({ capacity: 2, fee_krw: 100_000 });
		const [paid, owed, offered, waiting] = await Promise.all(Array.from({ length: 4 }, () => createTrainee(db)));
		await db.updateTable('users').set({ locale: 'ko' }).where('id', '=', waiting.user.id).execute();
		const voucher = await grantVoucher(db, paid.orgId, 300_000, LATER);
		await enrol(db, paid.actor, cohort.id, context, NOW, { payWithVoucher: true });
		await enrol(db, owed.actor, cohort.id, context, NOW);
		await enrol(db, offered.actor, cohort.id, context, NOW);
		await enrol(db, waiting.actor, cohort.id, context, NOW);
		// One seat opens and is offered to the head of the queue.
		await editCohort(db, manager, cohort.id, { ...(await unchanged(cohort.id)), capacity: 3 }, context, NOW);
		expect(await statusCounts(db, cohort.id)).toEqual({ enrolled: 2, offered: 1, waitlisted: 1 });
		expect(await balanceOf(db, voucher.id)).toBe(200_000);

		const result = await cancelCohort(db, manager, cohort.id, 'Instructor ill / 강사 사정', context, NOW);
		expect(result).toEqual({ ended: 4, refundedKrw: 100_000 });
		expect(await statusCounts(db, cohort.id)).toEqual({ cancelled: 4 });
		expect(await waitlist(db, cohort.id)).toEqual([]);
		expect(await countSeats(db, cohort.id)).toEqual({ held: 0, waitlisted: 0 });
		expect(await balanceOf(db, voucher.id)).toBe(300_000);
		expect((await ledgerOf(db, voucher.id)).map((l) => l.kind)).toEqual(['issue', 'spend', 'refund']);

		// Cancelling again is refused and refunds nothing more.
		await expect(cancelCohort(db, manager, cohort.id, 'again', context, NOW)).rejects.toBeInstanceOf(
			CohortCancelledError
		);
		expect((await ledgerOf(db, voucher.id)).map((l) => l.kind)).toEqual(['issue', 'spend', 'refund']);

		for (const t of [paid, owed, offered, waiting]) {
			const notices = await noticesOf(t.user.id);
			expect(notices.at(-1)).toMatchObject({
				kind: 'courses_cohort_cancelled',
				params: expect.objectContaining({ reason: 'Instructor ill / 강사 사정' })
			});
		}
		const cancelMail = async (to: string) =>
			(
				await db.selectFrom('email_outbox').select(['subject', 'body_text']).where('to_address', '=', to).execute()
			).find((e) => /기수 취소|Cohort cancelled/.test(e.subject));
		expect((await cancelMail(waiting.user.email))?.subject).toMatch(/^기수 취소: /);
		expect((await cancelMail(paid.user.email))?.subject).toMatch(/^Cohort cancelled: /);
		expect((await cancelMail(paid.user.email))?.body_text).toContain('Reason: Instructor ill');

		const cohortRow = await db
			.selectFrom('cohorts')
			.select(['cancelled_at', 'cancel_reason'])
			.where('id', '=', cohort.id)
			.executeTakeFirstOrThrow();
		expect(cohortRow).toEqual({ cancelled_at: NOW, cancel_reason: 'Instructor ill / 강사 사정' });
		expect(await auditActions(cohort.id)).toContain('cohort.cancelled');

		// Calendars show the meetings as cancelled, with a version above the live one.
		const items = await listCourseItems(db, paid.user.id, {
			from: NOW,
			to: new Date(NOW.getTime() + 60 * DAY),
			includeCancelled: true
		});
		expect(items.length).toBe(5);
		expect(items.every((i) => i.status === 'cancelled' && i.sequence === 1)).toBe(true);
		expect(
			await listCourseItems(db, paid.user.id, {
				from: NOW,
				to: new Date(NOW.getTime() + 60 * DAY),
				includeCancelled: false
			})
		).toEqual([]);
		// Nobody enrols in a cancelled cohort.
		const late = await createTrainee(db);
		await expect(enrol(db, late.actor, cohort.id, context, NOW)).rejects.toBeInstanceOf(EnrolmentClosedError);
	});

	it('keeps completed enrolments and their certificates', async () => {
		const { cohort, manager } = await setup();
		const trainee = await createTrainee(db);
		const e = await enrol(db, trainee.actor, cohort.id, context, NOW);
		await db.updateTable('enrolments').set({ status: 'completed' }).where('id', '=', e.id).execute();
		expect((await cancelCohort(db, manager, cohort.id, 'Closing the programme', context, NOW)).ended).toBe(0);
		expect(await statusCounts(db, cohort.id)).toEqual({ completed: 1 });
	});
});

describe('a capacity cut racing enrolments', () => {
	it('never leaves a cohort over capacity: either the cut wins and the newcomer queues, or the newcomer wins and the cut is refused', async () => {
		const outcomes = new Set<string>();
		for (let round = 0; round < 12; round++) {
			const { cohort, manager } = await setup({ capacity: 4 });
			const seated = await Promise.all(Array.from({ length: 3 }, () => createTrainee(db)));
			for (const t of seated) await enrol(db, t.actor, cohort.id, context, NOW);
			const newcomer = await createTrainee(db);
			const edit = { ...(await unchanged(cohort.id)), capacity: 3 };
			const [cut, joined] = await Promise.allSettled([
				editCohort(db, manager, cohort.id, edit, context, NOW),
				enrol(db, newcomer.actor, cohort.id, context, NOW)
			]);
			expect(joined.status).toBe('fulfilled');
			const status = (joined as PromiseFulfilledResult<Awaited<ReturnType<typeof enrol>>>).value.status;
			if (cut.status === 'fulfilled') {
				expect(status).toBe('waitlisted');
				outcomes.add('cut first');
			} else {
				expect(cut.reason).toBeInstanceOf(CapacityBelowSeatsError);
				expect(status).toBe('enrolled');
				outcomes.add('enrol first');
			}
			const { capacity } = await db
				.selectFrom('cohorts')
				.select('capacity')
				.where('id', '=', cohort.id)
				.executeTakeFirstOrThrow();
			expect((await countSeats(db, cohort.id)).held).toBeLessThanOrEqual(capacity);
		}
		console.info(`cut vs enrol outcomes seen: ${[...outcomes].join(', ')}`);
	});
});

describe('someone else', () => {
	it('a trainee is no course manager', async () => {
		const { cohort } = await setup();
		const user = await createUser(db);
		await expect(
			cancelCohort(db, { id: user.id, isOperator: false }, cohort.id, 'x', context, NOW)
		).rejects.toBeInstanceOf(NotCourseManagerError);
	});
});
