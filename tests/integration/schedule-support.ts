// Test data for the schedule, reminders and feeds: a confirmed booking, an enrolment, IR sessions
// (rows written directly: the IR service is another domain's), and counters of what a person got.
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import { createBooking } from '$lib/server/testbed/booking-create';
import { enrol } from '$lib/server/courses/service';
import { addMember, createOrganization, createUser } from '../factories';
import { createBooker, createFacility, createResource, context, NOW, slot } from './testbed-support';
import { createCohort, createCourse, createProvider } from './courses-support';

export { NOW, context };

export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** A facility with a resource, and a member who booked it on `date` at `hour` (Seoul). */
export async function bookedMember(db: Kysely<DB>, date: string, hour: number) {
	const lab = await createFacility(db);
	const resource = await createResource(db, lab.facility.id, {
		name_ko: '심전도 시뮬레이터, 정밀형; 2호기',
		name_en: 'ECG simulator, precision; unit 2'
	});
	const booker = await createBooker(db);
	const booking = await createBooking(db, booker.actor, slot(resource.id, date, hour), context, NOW);
	return { lab, resource, booker, booking };
}

/** An enrolled trainee of a cohort whose meetings start at `startsAt`, daily. */
export async function enrolledTrainee(db: Kysely<DB>, userId: string, startsAt: Date, enrolNow = NOW) {
	const provider = await createProvider(db);
	const course = await createCourse(db, provider.org.id);
	const cohort = await createCohort(db, course.id, {
		enrol_opens_at: new Date(enrolNow.getTime() - 7 * 24 * HOUR),
		enrol_closes_at: new Date(startsAt.getTime() - HOUR)
	});
	await db.deleteFrom('cohort_meetings').where('cohort_id', '=', cohort.id).execute();
	const meetings = await db
		.insertInto('cohort_meetings')
		.values(
			[0, 1].map((i) => ({
				cohort_id: cohort.id,
				starts_at: new Date(startsAt.getTime() + i * 24 * HOUR),
				ends_at: new Date(startsAt.getTime() + i * 24 * HOUR + 2 * HOUR),
				place_ko: '원주 강의실',
				place_en: 'Wonju classroom'
			}))
		)
		.returningAll()
		.execute();
	const result = await enrol(db, { id: userId, isOperator: false }, cohort.id, context, enrolNow);
	return { course, cohort, meetings, result };
}

/** A scheduled IR session of a startup with a moderator and a presenter. */
export async function irSession(
	db: Kysely<DB>,
	startsAt: Date,
	title = { ko: '심방세동 스크리닝 IR', en: 'AF screening IR' }
) {
	const startup = await createOrganization(db);
	const [moderator, presenter] = [await createUser(db), await createUser(db)];
	await addMember(db, startup.id, presenter.id, 'owner');
	const event = await db
		.insertInto('ir_events')
		.values({
			org_id: startup.id,
			title_ko: title.ko,
			title_en: title.en,
			summary_ko: '요약',
			summary_en: 'Summary',
			starts_at: startsAt,
			duration_minutes: 60,
			access: 'members',
			moderator_id: moderator.id,
			created_by: presenter.id
		})
		.returningAll()
		.executeTakeFirstOrThrow();
	await db.insertInto('ir_event_presenters').values({ event_id: event.id, user_id: presenter.id }).execute();
	return { startup, moderator, presenter, event };
}

export async function register(db: Kysely<DB>, eventId: string, userId: string) {
	await db.insertInto('ir_registrations').values({ event_id: eventId, user_id: userId }).execute();
}

/** What a person received: notifications (by kind) and e-mails. */
export async function received(db: Kysely<DB>, userId: string, kind?: string) {
	let notifications = db.selectFrom('notifications').select(['kind', 'params', 'link']).where('user_id', '=', userId);
	if (kind) notifications = notifications.where('kind', '=', kind);
	const user = await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow();
	const emails = await db
		.selectFrom('email_outbox')
		.select(['subject', 'body_text'])
		.where('to_address', '=', user.email)
		.execute();
	return { notifications: await notifications.execute(), emails };
}
