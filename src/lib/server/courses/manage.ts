// What course managers do: schedule a cohort with its meetings, and take attendance per meeting.
// Each change is checked against the course's managers and audited in its transaction.
import type { Kysely } from 'kysely';
import type { DB } from '../db';
import { recordAudit } from '../audit/repository';
import { NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { requireCourseManager } from './access';
import type { Context } from './announce';
import * as courseRepository from './repository';
import { findMeeting } from './roster';

export type NewCohort = {
	labelKo: string;
	labelEn: string;
	capacity: number;
	opensAt: Date;
	closesAt: Date;
	waitlist: boolean;
	employerApproval?: boolean;
	offerHours: number;
	feeKrw?: number;
	meetings: { start: Date; end: Date }[];
};

export async function createCohort(db: Kysely<DB>, actor: Actor, courseId: string, input: NewCohort, context: Context) {
	return db.transaction().execute(async (trx) => {
		const course = await trx
			.selectFrom('courses')
			.select(['id', 'place_ko', 'place_en'])
			.where('id', '=', courseId)
			.executeTakeFirst();
		if (!course) throw new NotFoundError();
		await requireCourseManager(trx, actor, course.id);
		const cohort = await trx
			.insertInto('cohorts')
			.values({
				course_id: course.id,
				label_ko: input.labelKo,
				label_en: input.labelEn,
				capacity: input.capacity,
				enrol_opens_at: input.opensAt,
				enrol_closes_at: input.closesAt,
				waitlist_enabled: input.waitlist,
				employer_approval: input.employerApproval ?? false,
				offer_hours: input.offerHours,
				fee_krw: input.feeKrw ?? 0
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('cohort_meetings')
			.values(input.meetings.map((m) => ({ cohort_id: cohort.id, starts_at: m.start, ends_at: m.end })))
			.execute();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'cohort.created',
			entityType: 'cohort',
			entityId: cohort.id,
			data: {
				courseId,
				capacity: input.capacity,
				employerApproval: input.employerApproval ?? false,
				meetings: input.meetings.length,
				feeKrw: input.feeKrw ?? 0
			},
			ip: context.ip
		});
		return cohort;
	});
}

/** Marks everyone on the roster present or absent at one meeting; `presentIds` are enrolment ids. */
export async function markAttendance(
	db: Kysely<DB>,
	actor: Actor,
	meetingId: string,
	presentIds: string[],
	context: Context,
	now = new Date()
) {
	return db.transaction().execute(async (trx) => {
		const meeting = await findMeeting(trx, meetingId);
		if (!meeting) throw new NotFoundError();
		await requireCourseManager(trx, actor, meeting.course_id);
		await courseRepository.lockCohort(trx, meeting.cohort_id);
		const roster = await trx
			.selectFrom('enrolments')
			.select('id')
			.where('cohort_id', '=', meeting.cohort_id)
			.where('status', 'in', ['enrolled', 'completed'])
			.execute();
		if (!roster.length) return { present: 0, absent: 0 };
		const present = new Set(presentIds);
		await trx
			.insertInto('attendance')
			.values(
				roster.map((r) => ({
					meeting_id: meetingId,
					enrolment_id: r.id,
					present: present.has(r.id),
					marked_by: actor.id,
					marked_at: now
				}))
			)
			.onConflict((oc) =>
				oc.columns(['meeting_id', 'enrolment_id']).doUpdateSet((eb) => ({
					present: eb.ref('excluded.present'),
					marked_by: eb.ref('excluded.marked_by'),
					marked_at: eb.ref('excluded.marked_at')
				}))
			)
			.execute();
		const count = roster.filter((r) => present.has(r.id)).length;
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'attendance.marked',
			entityType: 'cohort_meeting',
			entityId: meetingId,
			data: {
				cohortId: meeting.cohort_id,
				present: roster.filter((r) => present.has(r.id)).map((r) => r.id),
				absent: roster.length - count
			},
			ip: context.ip
		});
		return { present: count, absent: roster.length - count };
	});
}
