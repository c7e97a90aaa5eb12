// Demo courses: the catalogue (upserted by slug), its prerequisites and managers, and — only when no
// cohort exists yet — a past and an upcoming cohort per course around the current week, with
// enrolments, a waitlist, attendance, certificates and the credentials they granted.
import type { Transaction } from 'kysely';
import type { DB } from '../db/types';
import { addDays, localParts, mondayOf, zonedInstant } from '$lib/server/common/zoned-time';
import { newSerial } from '../courses/completion';
import { SEED_COURSES } from './course-catalogue';
import { DEFAULT_TIME_ZONE } from '$lib/time-zone';

const TIME_ZONE = DEFAULT_TIME_ZONE;
const DAY_MS = 24 * 3_600_000;
/** The course manager demo sign-in, appointed to every course its organisation runs. */
const COURSE_MANAGER = 'courses@medcluster.example';
/** The e2e test and the README's walk-through use this cohort: two places, one of them taken. */
export const SMALL_COHORT_COURSE = 'samd-usability-testing';
/** The credential course also runs a session today, open for enrolment until it ends (QR check-in, testbed unlock). */
export const RUNNING_COHORT_COURSE = '3d-printer-safety';
const HOUR_MS = 3_600_000;

type Ids = { orgIds: Map<string, string>; userIds: Map<string, string> };

const md = (items: string[]) => items.map((item, i) => `${i + 1}. ${item}`).join('\n');
const about = (summary: string, hours: number, en: boolean) =>
	en
		? `${summary}\n\n**${hours} hours** of classes, with exercises on real cases from the cluster's companies.`
		: `${summary}\n\n총 **${hours}시간**, 클러스터 기업의 실제 사례로 실습합니다.`;

async function upsertCourses(trx: Transaction<DB>, { orgIds, userIds }: Ids) {
	const credentials = new Map(
		(await trx.selectFrom('credentials').select(['id', 'slug']).execute()).map((c) => [c.slug, c.id])
	);
	const rows = SEED_COURSES.map((c) => ({
		slug: c.slug,
		provider_org_id: orgIds.get(c.provider)!,
		category: c.category,
		audiences: c.audiences,
		level: c.level,
		language: c.language,
		format: c.format,
		hours: c.hours,
		place_ko: c.place[0],
		place_en: c.place[1],
		title_ko: c.title[0],
		title_en: c.title[1],
		summary_ko: c.summary[0],
		summary_en: c.summary[1],
		description_ko: about(c.summary[0], c.hours, false),
		description_en: about(c.summary[1], c.hours, true),
		syllabus_ko: md(c.syllabus[0]),
		syllabus_en: md(c.syllabus[1]),
		credential_id: c.credential ? (credentials.get(c.credential) ?? null) : null
	}));
	const courses = await trx
		.insertInto('courses')
		.values(rows)
		.onConflict((oc) =>
			oc.column('slug').doUpdateSet((eb) =>
				Object.fromEntries(
					Object.keys(rows[0])
						.filter((k) => k !== 'slug')
						.map((k) => [k, eb.ref(`excluded.${k}` as 'excluded.title_ko')])
				)
			)
		)
		.returning(['id', 'slug'])
		.execute();
	const courseIds = new Map(courses.map((c) => [c.slug, c.id]));
	await trx
		.deleteFrom('course_prerequisites')
		.where('course_id', 'in', [...courseIds.values()])
		.execute();
	const prerequisites = SEED_COURSES.flatMap((c) =>
		(c.prerequisites ?? []).map((p) => ({ course_id: courseIds.get(c.slug)!, prerequisite_id: courseIds.get(p)! }))
	);
	if (prerequisites.length) await trx.insertInto('course_prerequisites').values(prerequisites).execute();
	const managed = SEED_COURSES.filter((c) => c.provider === 'wonju-mtv').map((c) => ({
		course_id: courseIds.get(c.slug)!,
		user_id: userIds.get(COURSE_MANAGER)!
	}));
	await trx
		.insertInto('course_managers')
		.values(managed)
		.onConflict((oc) => oc.doNothing())
		.execute();
	return { courseIds, credentials };
}

type Trainee = { user_id: string; org_id: string };

async function listTrainees(trx: Transaction<DB>): Promise<Trainee[]> {
	return trx
		.selectFrom('memberships')
		.innerJoin('organizations', 'organizations.id', 'memberships.org_id')
		.innerJoin('users', 'users.id', 'memberships.user_id')
		.select(['memberships.user_id', 'memberships.org_id'])
		.where('organizations.kind', 'in', ['company', 'hospital'])
		.where('organizations.status', '=', 'verified')
		.where('users.email', 'not like', '%@medcluster.example')
		.orderBy('users.email')
		.execute();
}

function meetingsOf(startDate: string, count: number, everyDays: number) {
	return Array.from({ length: count }, (_, i) => {
		const date = addDays(startDate, i * everyDays);
		return { starts_at: zonedInstant(date, 14 * 60, TIME_ZONE), ends_at: zonedInstant(date, 17 * 60, TIME_ZONE) };
	});
}

const SURVEY_COMMENTS = [
	'실습 사례가 실제 업무와 가까워서 좋았습니다.',
	'',
	'The regulatory examples were very practical.',
	'자료를 미리 받을 수 있으면 좋겠습니다.'
];

/** One anonymous answer: the receipt says who answered, the answer row carries no user. */
async function seedSurveyAnswer(trx: Transaction<DB>, enrolmentId: string, cohortId: string, n: number) {
	await trx.insertInto('course_survey_receipts').values({ enrolment_id: enrolmentId }).execute();
	await trx
		.insertInto('course_survey_answers')
		.values({
			cohort_id: cohortId,
			content: 3 + (n % 3),
			instructor: 4 + (n % 2),
			materials: 2 + ((n * 2) % 4),
			usefulness: 5 - (n % 2),
			comment: SURVEY_COMMENTS[n % SURVEY_COMMENTS.length]
		})
		.execute();
}

/** A draft the course manager is still writing: not in the catalogue, no cohorts, so it can be deleted. */
export const DRAFT_COURSE = 'medical-device-cybersecurity-basics';

async function seedDraftCourse(trx: Transaction<DB>, { orgIds, userIds }: Ids) {
	const course = await trx
		.insertInto('courses')
		.values({
			slug: DRAFT_COURSE,
			provider_org_id: orgIds.get('wonju-mtv')!,
			category: 'regulatory',
			audiences: ['employees'],
			level: 'intermediate',
			language: 'ko',
			format: 'online',
			hours: 8,
			title_ko: '의료기기 사이버보안 기초',
			title_en: 'Medical device cybersecurity basics',
			summary_ko: '식약처 의료기기 사이버보안 가이드라인과 IEC 81001-5-1 요구사항 입문',
			summary_en: "An introduction to MFDS's medical device cybersecurity guideline and IEC 81001-5-1.",
			syllabus_ko: md(['위협 모델링', 'SBOM 작성', '취약점 대응 절차']),
			syllabus_en: md(['Threat modelling', 'Writing an SBOM', 'Handling vulnerabilities']),
			published: false
		})
		.onConflict((oc) => oc.column('slug').doNothing())
		.returning('id')
		.executeTakeFirst();
	if (course)
		await trx
			.insertInto('course_managers')
			.values({ course_id: course.id, user_id: userIds.get(COURSE_MANAGER)! })
			.onConflict((oc) => oc.doNothing())
			.execute();
}

async function seedPastCohort(
	trx: Transaction<DB>,
	i: number,
	courseId: string,
	credentialId: string | null,
	validityMonths: number | null,
	monday: string,
	trainees: Trainee[]
) {
	const start = addDays(monday, -(35 + 7 * (i % 3)));
	const meetings = meetingsOf(start, 3, 7);
	const cohort = await trx
		.insertInto('cohorts')
		.values({
			course_id: courseId,
			label_ko: '지난 기수',
			label_en: 'Previous cohort',
			capacity: 20,
			enrol_opens_at: new Date(meetings[0].starts_at.getTime() - 30 * DAY_MS),
			enrol_closes_at: new Date(meetings[0].starts_at.getTime() - DAY_MS)
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const meetingIds = (
		await trx
			.insertInto('cohort_meetings')
			.values(meetings.map((m) => ({ ...m, cohort_id: cohort.id })))
			.returning('id')
			.execute()
	).map((m) => m.id);
	const people = Array.from({ length: 6 }, (_, k) => trainees[(i * 5 + k) % trainees.length]);
	let granted = 0;
	for (const [k, person] of people.entries()) {
		// The last one missed two of three meetings: attendance under 80 %, so no certificate.
		const completed = k < 5;
		const enrolment = await trx
			.insertInto('enrolments')
			.values({
				cohort_id: cohort.id,
				user_id: person.user_id,
				org_id: person.org_id,
				status: completed ? 'completed' : 'enrolled',
				enrolled_at: new Date(meetings[0].starts_at.getTime() - 10 * DAY_MS),
				created_at: new Date(meetings[0].starts_at.getTime() - 10 * DAY_MS)
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('attendance')
			.values(
				meetingIds.map((meetingId, n) => ({
					meeting_id: meetingId,
					enrolment_id: enrolment.id,
					present: completed || n === 0,
					marked_at: meetings[n].ends_at
				}))
			)
			.execute();
		if (!completed) continue;
		// Four of the five answered the anonymous satisfaction survey (the fifth may still answer).
		if (k < 4) await seedSurveyAnswer(trx, enrolment.id, cohort.id, i + k);
		const issuedAt = meetings[2].ends_at;
		const expiresAt = validityMonths ? new Date(issuedAt.getTime() + validityMonths * 30 * DAY_MS) : null;
		await trx
			.insertInto('certificates')
			.values({ serial: newSerial(issuedAt), enrolment_id: enrolment.id, issued_at: issuedAt, expires_at: expiresAt })
			.execute();
		if (credentialId) {
			await trx
				.insertInto('user_credentials')
				.values({
					user_id: person.user_id,
					credential_id: credentialId,
					granted_at: issuedAt,
					expires_at: expiresAt,
					source: 'course'
				})
				.onConflict((oc) => oc.columns(['user_id', 'credential_id']).doNothing())
				.execute();
			granted++;
		}
	}
	return granted;
}

async function seedUpcomingCohort(
	trx: Transaction<DB>,
	i: number,
	slug: string,
	courseId: string,
	monday: string,
	trainees: Trainee[]
) {
	const start = addDays(monday, 21 + 7 * (i % 4) + (i % 3));
	const meetings = meetingsOf(start, 3, 7);
	const small = slug === SMALL_COHORT_COURSE;
	// A few popular courses are full, with people waiting in order.
	const full = i % 5 === 0 && !small;
	const capacity = small ? 2 : full ? 6 : 20;
	const taken = small ? 1 : full ? 8 : 3 + (i % 4);
	const cohort = await trx
		.insertInto('cohorts')
		.values({
			course_id: courseId,
			label_ko: `${localParts(meetings[0].starts_at, TIME_ZONE).date.slice(0, 7)} 기수`,
			label_en: `${localParts(meetings[0].starts_at, TIME_ZONE).date.slice(0, 7)} cohort`,
			capacity,
			enrol_opens_at: zonedInstant(addDays(monday, -14), 9 * 60, TIME_ZONE),
			enrol_closes_at: zonedInstant(addDays(start, -2), 18 * 60, TIME_ZONE),
			offer_hours: 48
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await trx
		.insertInto('cohort_meetings')
		.values(meetings.map((m) => ({ ...m, cohort_id: cohort.id })))
		.execute();
	const people = Array.from({ length: taken }, (_, k) => trainees[(i * 7 + k + 3) % trainees.length]);
	const rows = people.map((p, k) => ({
		cohort_id: cohort.id,
		user_id: p.user_id,
		org_id: p.org_id,
		status: k < capacity ? ('enrolled' as const) : ('waitlisted' as const),
		position: k < capacity ? null : k - capacity + 1,
		enrolled_at: k < capacity ? zonedInstant(addDays(monday, -10 + k), 10 * 60, TIME_ZONE) : null,
		created_at: zonedInstant(addDays(monday, -10 + k), 10 * 60, TIME_ZONE)
	}));
	await trx.insertInto('enrolments').values(rows).execute();
	return rows.length;
}

/** A one-meeting session that began on the last full hour and runs for eight: enrol, check in, complete. */
async function seedRunningCohort(trx: Transaction<DB>, courseId: string, now: Date) {
	const starts = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - HOUR_MS);
	const ends = new Date(starts.getTime() + 8 * HOUR_MS);
	const cohort = await trx
		.insertInto('cohorts')
		.values({
			course_id: courseId,
			label_ko: '오늘 현장 교육',
			label_en: "Today's on-site session",
			capacity: 12,
			enrol_opens_at: new Date(starts.getTime() - 14 * DAY_MS),
			enrol_closes_at: ends,
			offer_hours: 2
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await trx.insertInto('cohort_meetings').values({ cohort_id: cohort.id, starts_at: starts, ends_at: ends }).execute();
}

export async function seedCourses(trx: Transaction<DB>, ids: Ids, now = new Date()): Promise<Record<string, number>> {
	const { courseIds, credentials } = await upsertCourses(trx, ids);
	await seedDraftCourse(trx, ids);
	const any = await trx.selectFrom('cohorts').select('id').limit(1).executeTakeFirst();
	if (any) return { courses: courseIds.size, enrolments: 0 };
	const trainees = await listTrainees(trx);
	const validity = new Map(
		(await trx.selectFrom('credentials').select(['id', 'validity_months']).execute()).map((c) => [
			c.id,
			c.validity_months
		])
	);
	const monday = mondayOf(localParts(now, TIME_ZONE).date);
	let enrolments = 0;
	for (const [i, course] of SEED_COURSES.entries()) {
		const courseId = courseIds.get(course.slug)!;
		const credentialId = course.credential ? (credentials.get(course.credential) ?? null) : null;
		await seedPastCohort(
			trx,
			i,
			courseId,
			credentialId,
			credentialId ? (validity.get(credentialId) ?? null) : null,
			monday,
			trainees
		);
		enrolments += 6 + (await seedUpcomingCohort(trx, i, course.slug, courseId, monday, trainees));
		if (course.slug === RUNNING_COHORT_COURSE) await seedRunningCohort(trx, courseId, now);
	}
	return { courses: courseIds.size, enrolments };
}
