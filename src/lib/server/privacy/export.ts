// Everything the portal holds about one person, as JSON-ready sections (PIPA's right of access).
// Each section is the person's own rows; rows of other people are never joined in beyond a name of
// an organisation or a course, so an export cannot leak someone else's data.
import type { Executor } from '../db';
import * as consentRepository from './consent-repository';

export type ExportSections = Record<string, unknown>;

/** Drops secrets and binary columns (token hashes) from rows before they are written out. */
function publicRows<T extends Record<string, unknown>>(rows: T[]): Record<string, unknown>[] {
	return rows.map((row) =>
		Object.fromEntries(
			Object.entries(row).filter(([key, value]) => !(value instanceof Uint8Array) && !/secret|hash/.test(key))
		)
	);
}

export async function collectPersonalData(db: Executor, userId: string): Promise<ExportSections> {
	const profile = await db
		.selectFrom('users')
		.select([
			'id',
			'email',
			'name',
			'locale',
			'time_zone',
			'title',
			'expertise',
			'directory_listed',
			'email_verified_at',
			'is_operator',
			'created_at',
			'updated_at'
		])
		.where('id', '=', userId)
		.executeTakeFirstOrThrow();
	const memberships = await db
		.selectFrom('memberships')
		.innerJoin('organizations', 'organizations.id', 'memberships.org_id')
		.select([
			'memberships.org_id',
			'organizations.name_ko',
			'organizations.name_en',
			'memberships.role',
			'memberships.created_at'
		])
		.where('memberships.user_id', '=', userId)
		.execute();
	const joinRequests = await db.selectFrom('join_requests').selectAll().where('user_id', '=', userId).execute();
	const bookings = await db
		.selectFrom('bookings')
		.innerJoin('resources', 'resources.id', 'bookings.resource_id')
		.selectAll('bookings')
		.select(['resources.name_ko as resource_name_ko', 'resources.name_en as resource_name_en'])
		.where('bookings.user_id', '=', userId)
		.orderBy('bookings.created_at')
		.execute();
	const enrolments = await db
		.selectFrom('enrolments')
		.innerJoin('cohorts', 'cohorts.id', 'enrolments.cohort_id')
		.innerJoin('courses', 'courses.id', 'cohorts.course_id')
		.selectAll('enrolments')
		.select([
			'courses.title_ko as course_title_ko',
			'courses.title_en as course_title_en',
			'cohorts.label_ko as cohort_label_ko',
			'cohorts.label_en as cohort_label_en'
		])
		.where('enrolments.user_id', '=', userId)
		.execute();
	const certificates = await db
		.selectFrom('certificates')
		.innerJoin('enrolments', 'enrolments.id', 'certificates.enrolment_id')
		.selectAll('certificates')
		.where('enrolments.user_id', '=', userId)
		.execute();
	const attendance = await db
		.selectFrom('attendance')
		.innerJoin('enrolments', 'enrolments.id', 'attendance.enrolment_id')
		.selectAll('attendance')
		.where('enrolments.user_id', '=', userId)
		.execute();
	const irRegistrations = await db.selectFrom('ir_registrations').selectAll().where('user_id', '=', userId).execute();
	const irChatMessages = await db
		.selectFrom('ir_chat_messages')
		.select(['id', 'event_id', 'body', 'created_at', 'deleted_at'])
		.where('user_id', '=', userId)
		.orderBy('created_at')
		.execute();
	const irQuestions = await db
		.selectFrom('ir_questions')
		.select(['id', 'event_id', 'body', 'status', 'votes', 'created_at'])
		.where('user_id', '=', userId)
		.orderBy('created_at')
		.execute();
	const irPollAnswers = await db
		.selectFrom('ir_poll_answers as a')
		.innerJoin('ir_polls as p', 'p.id', 'a.poll_id')
		.innerJoin('ir_poll_options as o', 'o.id', 'a.option_id')
		.select(['p.event_id', 'p.question', 'o.label as answer', 'a.answered_at'])
		.where('a.user_id', '=', userId)
		.orderBy('a.answered_at')
		.execute();
	const needs = await db.selectFrom('needs').selectAll().where('author_id', '=', userId).execute();
	const needResponses = await db.selectFrom('need_responses').selectAll().where('author_id', '=', userId).execute();
	const needMessages = await db
		.selectFrom('need_response_messages')
		.selectAll()
		.where('author_id', '=', userId)
		.execute();
	// Requests the person made, and consulting requests addressed to them in person.
	const meetingRequests = await db
		.selectFrom('meeting_requests')
		.selectAll()
		.where((eb) => eb.or([eb('requester_id', '=', userId), eb('recipient_user_id', '=', userId)]))
		.execute();
	const notifications = await db
		.selectFrom('notifications')
		.selectAll()
		.where('user_id', '=', userId)
		.orderBy('created_at')
		.execute();
	const notificationPreferences = await db
		.selectFrom('notification_preferences')
		.selectAll()
		.where('user_id', '=', userId)
		.execute();
	const sessions = await db
		.selectFrom('sessions')
		.select(['id', 'created_at', 'expires_at', 'ip', 'user_agent'])
		.where('user_id', '=', userId)
		.execute();
	const apiTokens = await db
		.selectFrom('api_tokens')
		.select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
		.where('user_id', '=', userId)
		.execute();
	// Second factors without their secrets: whether TOTP is on, the passkeys by name, the devices seen.
	const passkeys = await db
		.selectFrom('passkeys')
		.select(['name', 'created_at', 'last_used_at'])
		.where('user_id', '=', userId)
		.execute();
	const knownDevices = await db
		.selectFrom('known_devices')
		.select(['device', 'first_seen_at', 'last_seen_at'])
		.where('user_id', '=', userId)
		.execute();
	const totp = await db.selectFrom('users').select('totp_enabled_at').where('id', '=', userId).executeTakeFirst();
	const consents = await consentRepository.listConsentHistory(db, userId);
	return {
		profile,
		memberships: publicRows(memberships),
		join_requests: publicRows(joinRequests),
		bookings: publicRows(bookings),
		enrolments: publicRows(enrolments),
		attendance: publicRows(attendance),
		certificates: publicRows(certificates),
		ir_registrations: publicRows(irRegistrations),
		ir_chat_messages: irChatMessages,
		ir_questions: irQuestions,
		ir_poll_answers: irPollAnswers,
		needs: publicRows(needs),
		need_responses: publicRows(needResponses),
		need_response_messages: publicRows(needMessages),
		meeting_requests: publicRows(meetingRequests),
		notifications: publicRows(notifications),
		notification_preferences: publicRows(notificationPreferences),
		sessions,
		api_tokens: apiTokens,
		second_factors: { totp_enabled_at: totp?.totp_enabled_at ?? null, passkeys },
		known_devices: knownDevices,
		consents
	};
}
