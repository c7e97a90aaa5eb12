// QR self check-in: the manager's page shows a code that rotates every minute (an HMAC of the meeting
// and the time step under a per-database secret); a trainee enrolled in the cohort who opens it while
// the meeting runs is marked present. The current and the previous step are accepted, so a code read
// just before it turns still works.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, Executor } from '../db';
import { recordAudit } from '../audit/repository';
import { NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import type { Context } from './announce';
import { CheckInTokenInvalidError, MeetingNotInProgressError, NotEnrolledError } from './errors';
import * as courseRepository from './repository';
import { findMeeting } from './roster';

export const STEP_MS = 60_000;
/** Check-in opens this long before a meeting starts. */
export const OPENS_BEFORE_MS = 15 * 60_000;

/** Makes the secret that signs the codes, once per database (at start-up and before a check-in). */
export async function ensureCheckInSecret(db: Executor): Promise<Buffer> {
	await db
		.insertInto('course_check_in_secrets')
		.values({ id: true, secret: randomBytes(32) })
		.onConflict((oc) => oc.column('id').doNothing())
		.execute();
	return (await findCheckInSecret(db))!;
}

/** The signing secret if it was made; reading only, so a page load can call it. */
export async function findCheckInSecret(db: Executor): Promise<Buffer | null> {
	const row = await db.selectFrom('course_check_in_secrets').select('secret').where('id', '=', true).executeTakeFirst();
	return row ? Buffer.from(row.secret) : null;
}

export const stepOf = (at: Date) => Math.floor(at.getTime() / STEP_MS);

/** The code of one meeting at one time step: 128 bits of the HMAC, URL-safe. */
export function checkInToken(secret: Buffer, meetingId: string, step: number): string {
	return createHmac('sha256', secret).update(`${meetingId}:${step}`).digest().subarray(0, 16).toString('base64url');
}

export function isCheckInOpen(meeting: { starts_at: Date; ends_at: Date }, now: Date): boolean {
	return now.getTime() >= meeting.starts_at.getTime() - OPENS_BEFORE_MS && now < meeting.ends_at;
}

function matches(token: string, expected: string): boolean {
	const a = Buffer.from(token);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

/** The code the manager's page shows now; null outside the check-in window or before the secret exists. */
export async function currentCheckInToken(
	db: Executor,
	meeting: { id: string; starts_at: Date; ends_at: Date },
	now = new Date()
) {
	if (!isCheckInOpen(meeting, now)) return null;
	const secret = await findCheckInSecret(db);
	return secret && checkInToken(secret, meeting.id, stepOf(now));
}

/** Marks the actor present at the meeting, if the code is fresh, the meeting running and the actor enrolled. */
export async function checkIn(
	db: Kysely<DB>,
	actor: Actor,
	meetingId: string,
	token: string,
	context: Context,
	now = new Date()
) {
	return db.transaction().execute(async (trx) => {
		const meeting = await findMeeting(trx, meetingId);
		if (!meeting) throw new NotFoundError();
		if (!isCheckInOpen(meeting, now)) throw new MeetingNotInProgressError();
		const secret = await ensureCheckInSecret(trx);
		const step = stepOf(now);
		if (
			!matches(token, checkInToken(secret, meeting.id, step)) &&
			!matches(token, checkInToken(secret, meeting.id, step - 1))
		)
			throw new CheckInTokenInvalidError();
		await courseRepository.lockCohort(trx, meeting.cohort_id);
		const enrolment = await trx
			.selectFrom('enrolments')
			.select('id')
			.where('cohort_id', '=', meeting.cohort_id)
			.where('user_id', '=', actor.id)
			.where('status', 'in', ['enrolled', 'completed'])
			.executeTakeFirst();
		if (!enrolment) throw new NotEnrolledError();
		await trx
			.insertInto('attendance')
			.values({
				meeting_id: meeting.id,
				enrolment_id: enrolment.id,
				present: true,
				marked_by: actor.id,
				marked_at: now
			})
			.onConflict((oc) =>
				oc.columns(['meeting_id', 'enrolment_id']).doUpdateSet({ present: true, marked_by: actor.id, marked_at: now })
			)
			.execute();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'attendance.checked_in',
			entityType: 'cohort_meeting',
			entityId: meeting.id,
			data: { cohortId: meeting.cohort_id, enrolmentId: enrolment.id },
			ip: context.ip
		});
		return { enrolmentId: enrolment.id };
	});
}
