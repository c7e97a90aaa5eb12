// Queries of reminders: who should hear about which item starting soon, and the record that they did.
import { sql } from 'kysely';
import type { Executor } from '../db';

export type ReminderKind = 'booking' | 'course' | 'ir';

/** One person to remind of one item. `sequence` is the item's version: a reschedule makes a new one. */
export type ReminderCandidate = {
	kind: ReminderKind;
	entityId: string;
	sequence: number;
	userId: string;
	startsAt: Date;
	title_ko: string;
	title_en: string;
	link: string;
};

const userColumns = ['users.id as user_id'] as const;

/** Confirmed bookings starting in (now, until]: the booker. */
async function bookingCandidates(db: Executor, now: Date, until: Date): Promise<ReminderCandidate[]> {
	const rows = await db
		.selectFrom('bookings')
		.innerJoin('resources', 'resources.id', 'bookings.resource_id')
		.innerJoin('users', 'users.id', 'bookings.user_id')
		.select([
			...userColumns,
			'bookings.id',
			'bookings.sequence',
			sql<Date>`lower(bookings.during)`.as('starts_at'),
			'resources.name_ko',
			'resources.name_en'
		])
		.where('bookings.status', '=', 'confirmed')
		.where(sql<boolean>`lower(bookings.during) > ${now} and lower(bookings.during) <= ${until}`)
		.execute();
	return rows.map((r) => ({
		kind: 'booking',
		entityId: r.id,
		sequence: r.sequence,
		userId: r.user_id,
		startsAt: new Date(r.starts_at),
		title_ko: r.name_ko,
		title_en: r.name_en,
		link: `/testbed/bookings/${r.id}`
	}));
}

/**
 * Meetings of live cohorts starting in (now, until]: every enrolled trainee. Cohort meetings carry
 * no sequence column, so their start (minutes since the epoch) is their version.
 */
async function courseCandidates(db: Executor, now: Date, until: Date): Promise<ReminderCandidate[]> {
	const rows = await db
		.selectFrom('cohort_meetings')
		.innerJoin('cohorts', 'cohorts.id', 'cohort_meetings.cohort_id')
		.innerJoin('courses', 'courses.id', 'cohorts.course_id')
		.innerJoin('enrolments', 'enrolments.cohort_id', 'cohorts.id')
		.select([
			'enrolments.user_id',
			'cohort_meetings.id',
			'cohort_meetings.starts_at',
			'courses.slug',
			'courses.title_ko',
			'courses.title_en'
		])
		.where('cohorts.cancelled_at', 'is', null)
		.where('enrolments.status', '=', 'enrolled')
		.where('cohort_meetings.starts_at', '>', now)
		.where('cohort_meetings.starts_at', '<=', until)
		.execute();
	return rows.map((r) => ({
		kind: 'course',
		entityId: r.id,
		sequence: courseMeetingVersion(r.starts_at),
		userId: r.user_id,
		startsAt: r.starts_at,
		title_ko: r.title_ko,
		title_en: r.title_en,
		link: `/courses/${r.slug}`
	}));
}

export const courseMeetingVersion = (startsAt: Date) => Math.floor(startsAt.getTime() / 60_000);

/** Scheduled IR sessions starting in (now, until]: registrants, presenters and the moderator. */
async function irCandidates(db: Executor, now: Date, until: Date): Promise<ReminderCandidate[]> {
	const people = db
		.selectFrom('ir_registrations')
		.select(['event_id', 'user_id'])
		.where('cancelled_at', 'is', null)
		.union(db.selectFrom('ir_event_presenters').select(['event_id', 'user_id']))
		.union(db.selectFrom('ir_events').select(['id as event_id', 'moderator_id as user_id']));
	const rows = await db
		.selectFrom('ir_events')
		.innerJoin(people.as('people'), 'people.event_id', 'ir_events.id')
		.select([
			'people.user_id',
			'ir_events.id',
			'ir_events.sequence',
			'ir_events.starts_at',
			'ir_events.title_ko',
			'ir_events.title_en'
		])
		.where('ir_events.status', '=', 'scheduled')
		.where('ir_events.starts_at', '>', now)
		.where('ir_events.starts_at', '<=', until)
		.execute();
	return rows.map((r) => ({
		kind: 'ir',
		entityId: r.id,
		sequence: r.sequence,
		userId: r.user_id,
		startsAt: r.starts_at,
		title_ko: r.title_ko,
		title_en: r.title_en,
		link: `/ir/${r.id}`
	}));
}

export const CANDIDATES: Record<ReminderKind, (db: Executor, now: Date, until: Date) => Promise<ReminderCandidate[]>> =
	{
		booking: bookingCandidates,
		course: courseCandidates,
		ir: irCandidates
	};

/**
 * Inside the sending transaction: locks the item (a cancellation or reschedule in flight waits, or
 * has already won) and says whether it is still due in the version the reminder is for.
 */
export async function lockIfStillDue(
	db: Executor,
	kind: ReminderKind,
	entityId: string,
	sequence: number
): Promise<boolean> {
	if (kind === 'booking') {
		const row = await db
			.selectFrom('bookings')
			.select(['status', 'sequence'])
			.where('id', '=', entityId)
			.forShare()
			.executeTakeFirst();
		return row?.status === 'confirmed' && row.sequence === sequence;
	}
	if (kind === 'ir') {
		const row = await db
			.selectFrom('ir_events')
			.select(['status', 'sequence'])
			.where('id', '=', entityId)
			.forShare()
			.executeTakeFirst();
		return row?.status === 'scheduled' && row.sequence === sequence;
	}
	const row = await db
		.selectFrom('cohort_meetings')
		.innerJoin('cohorts', 'cohorts.id', 'cohort_meetings.cohort_id')
		.select(['cohort_meetings.starts_at', 'cohorts.cancelled_at'])
		.where('cohort_meetings.id', '=', entityId)
		.forShare()
		.executeTakeFirst();
	return !!row && row.cancelled_at === null && courseMeetingVersion(row.starts_at) === sequence;
}

/** Records the reminder; false when it was already sent (the unique key), so nothing is sent twice. */
export async function recordReminder(
	db: Executor,
	r: { kind: string; entityId: string; offsetMinutes: number; sequence: number; userId: string },
	now: Date
): Promise<boolean> {
	const row = await db
		.insertInto('reminders_sent')
		.values({
			kind: r.kind,
			entity_id: r.entityId,
			offset_minutes: r.offsetMinutes,
			sequence: r.sequence,
			user_id: r.userId,
			sent_at: now
		})
		.onConflict((oc) => oc.doNothing())
		.returning('entity_id')
		.executeTakeFirst();
	return row !== undefined;
}

/** Reminders already recorded for these items, as `kind:entity:offset:sequence:user` keys. */
export async function listSentKeys(db: Executor, entityIds: string[]): Promise<Set<string>> {
	if (entityIds.length === 0) return new Set();
	const rows = await db
		.selectFrom('reminders_sent')
		.select(['kind', 'entity_id', 'offset_minutes', 'sequence', 'user_id'])
		.where('entity_id', 'in', entityIds)
		.execute();
	return new Set(rows.map((r) => `${r.kind}:${r.entity_id}:${r.offset_minutes}:${r.sequence}:${r.user_id}`));
}
