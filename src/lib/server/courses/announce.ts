// One enrolment step, told to everybody concerned inside its transaction: an audit entry and a
// notification (in-app + e-mail) to the trainee.
import type { Executor } from '../db';
import { recordAudit } from '../audit/repository';
import { notifyUser } from '../app/notifications';
import { NotFoundError } from '../errors';
import { localParts } from '$lib/server/common/zoned-time';
import type { CoursesNotificationKind } from './notifications';
import * as courseRepository from './repository';
import { DEFAULT_TIME_ZONE } from '$lib/time-zone';
import type { Context } from '$lib/server/common/context';

export type { Context };

export type Announcement = {
	enrolmentId: string;
	actorId: string | null;
	/** `enrolment.<action>` in the audit log. */
	action: string;
	kind: CoursesNotificationKind;
	data?: Record<string, unknown>;
	/** Extra notification params, e.g. the employer's reason for a refusal. */
	params?: Record<string, string>;
};

const TIME_ZONE = DEFAULT_TIME_ZONE;
const clock = (minutes: number) =>
	`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** "2026-03-10 14:00 (Asia/Seoul)": the same in both languages. */
export function describeInstant(at: Date, timeZone = TIME_ZONE): string {
	const parts = localParts(at, timeZone);
	return `${parts.date} ${clock(parts.minutes)} (${timeZone})`;
}

export async function announceEnrolment(db: Executor, a: Announcement, context: Context) {
	const enrolment = await courseRepository.findEnrolmentById(db, a.enrolmentId);
	if (!enrolment) throw new NotFoundError();
	const cohort = (await courseRepository.findCohort(db, enrolment.cohort_id))!;
	await recordAudit(db, {
		actorId: a.actorId,
		action: `enrolment.${a.action}`,
		entityType: 'enrolment',
		entityId: enrolment.id,
		data: {
			cohortId: cohort.id,
			userId: enrolment.user_id,
			status: enrolment.status,
			position: enrolment.position,
			offerExpiresAt: enrolment.offer_expires_at?.toISOString() ?? null,
			...a.data
		},
		ip: context.ip
	});
	const params = {
		course: cohort.title_ko,
		course_en: cohort.title_en,
		cohort: cohort.label_ko,
		cohort_en: cohort.label_en,
		position: String(enrolment.position ?? ''),
		deadline: enrolment.offer_expires_at ? describeInstant(enrolment.offer_expires_at) : '',
		...a.params
	};
	await notifyUser(db, {
		userId: enrolment.user_id,
		kind: a.kind,
		params,
		link: `/courses/${cohort.course_slug}`,
		origin: context.origin
	});
	return enrolment;
}
