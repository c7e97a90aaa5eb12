// Completing a cohort: trainees who attended at least 80 % of the meetings get a certificate with a
// unique serial and, when the course grants one, its credential — all in one transaction, audited
// and announced. Revocation withdraws the certificate and the credential it granted.
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db';
import { recordAudit } from '../audit/repository';
import { InvalidStateError, NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { requireCourseManager } from './access';
import { announceEnrolment, type Context } from './announce';
import { notifyUser } from '../app/notifications';
import * as courseRepository from './repository';

export const COMPLETION_RATE = 0.8;
const SERIAL_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const MONTH_MS = 30 * 24 * 3_600_000;

/** `MC-2026-7K3QX9PA`: year of issue and eight unambiguous characters (32^8 ≈ 10^12). */
export function newSerial(issuedAt: Date): string {
	const random = Array.from({ length: 8 }, () => SERIAL_ALPHABET[randomInt(SERIAL_ALPHABET.length)]).join('');
	return `MC-${issuedAt.getUTCFullYear()}-${random}`;
}

/** Issues the certificates a cohort earned; allowed once its last meeting has begun. Returns who completed. */
export async function completeCohort(
	db: Kysely<DB>,
	actor: Actor,
	cohortId: string,
	context: Context,
	now = new Date()
) {
	return db.transaction().execute(async (trx) => {
		const cohort = await courseRepository.lockCohort(trx, cohortId);
		if (!cohort) throw new NotFoundError();
		await requireCourseManager(trx, actor, cohort.course_id);
		const course = await trx
			.selectFrom('courses')
			.leftJoin('credentials', 'credentials.id', 'courses.credential_id')
			.select(['courses.credential_id', 'credentials.validity_months', 'courses.title_ko', 'courses.title_en'])
			.where('courses.id', '=', cohort.course_id)
			.executeTakeFirstOrThrow();
		const meetings = await trx
			.selectFrom('cohort_meetings')
			.select(['id', 'starts_at'])
			.where('cohort_id', '=', cohortId)
			.orderBy('starts_at')
			.execute();
		if (!meetings.length || meetings[meetings.length - 1].starts_at > now) throw new InvalidStateError();
		const enrolled = await trx
			.selectFrom('enrolments')
			.select(['enrolments.id', 'enrolments.user_id'])
			.select((eb) =>
				eb
					.selectFrom('attendance')
					.select(eb.fn.countAll<number>().as('n'))
					.whereRef('attendance.enrolment_id', '=', 'enrolments.id')
					.where('attendance.present', '=', true)
					.as('attended')
			)
			.where('cohort_id', '=', cohortId)
			.where('status', '=', 'enrolled')
			.execute();
		const completed: { enrolmentId: string; serial: string }[] = [];
		for (const e of enrolled) {
			if (Number(e.attended ?? 0) < COMPLETION_RATE * meetings.length) continue;
			const serial = newSerial(now);
			const expiresAt = course.validity_months ? new Date(now.getTime() + course.validity_months * MONTH_MS) : null;
			await courseRepository.updateEnrolment(trx, e.id, { status: 'completed', now });
			await trx
				.insertInto('certificates')
				.values({ serial, enrolment_id: e.id, issued_at: now, expires_at: expiresAt })
				.execute();
			if (course.credential_id) {
				await trx
					.insertInto('user_credentials')
					.values({
						user_id: e.user_id,
						credential_id: course.credential_id,
						granted_at: now,
						expires_at: expiresAt,
						source: `certificate:${serial}`
					})
					.onConflict((oc) =>
						oc
							.columns(['user_id', 'credential_id'])
							.doUpdateSet({ granted_at: now, expires_at: expiresAt, source: `certificate:${serial}` })
					)
					.execute();
			}
			await announceEnrolment(
				trx,
				{
					enrolmentId: e.id,
					actorId: actor.id,
					action: 'completed',
					kind: 'courses_completed',
					data: { serial, attended: Number(e.attended ?? 0), meetings: meetings.length }
				},
				context
			);
			// The invitation to the anonymous survey: its own notification, so a trainee may mute it alone.
			await notifyUser(trx, {
				userId: e.user_id,
				kind: 'survey_invited',
				params: { course: course.title_ko, course_en: course.title_en },
				link: `/courses/survey/${e.id}`,
				origin: context.origin
			});
			completed.push({ enrolmentId: e.id, serial });
		}
		return completed;
	});
}

/** Revokes a certificate with a reason, and the credential it granted (if nothing granted it since). */
export async function revokeCertificate(
	db: Kysely<DB>,
	actor: Actor,
	serial: string,
	reason: string,
	context: Context,
	now = new Date()
) {
	return db.transaction().execute(async (trx) => {
		const certificate = await trx
			.selectFrom('certificates')
			.innerJoin('enrolments', 'enrolments.id', 'certificates.enrolment_id')
			.innerJoin('cohorts', 'cohorts.id', 'enrolments.cohort_id')
			.select(['certificates.id', 'certificates.revoked_at', 'enrolments.user_id', 'cohorts.course_id'])
			.where('certificates.serial', '=', serial)
			.forUpdate('certificates')
			.executeTakeFirst();
		if (!certificate) throw new NotFoundError();
		await requireCourseManager(trx, actor, certificate.course_id);
		if (certificate.revoked_at) throw new InvalidStateError();
		await trx
			.updateTable('certificates')
			.set({ revoked_at: now, revoked_reason: reason })
			.where('id', '=', certificate.id)
			.execute();
		await trx
			.deleteFrom('user_credentials')
			.where('user_id', '=', certificate.user_id)
			.where('source', '=', `certificate:${serial}`)
			.execute();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'certificate.revoked',
			entityType: 'certificate',
			entityId: serial,
			data: { reason, userId: certificate.user_id },
			ip: context.ip
		});
	});
}
