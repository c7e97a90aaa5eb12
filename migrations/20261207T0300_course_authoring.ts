// Course authoring and the anonymous satisfaction survey.
// A course is a draft (published = false, archived_at null), published, or archived (archived_at set,
// never published): the catalogue keeps filtering on `published`, so drafts and archived courses stay
// out of it without touching its queries. The survey keeps two unrelated rows: "this enrolment has
// answered" (for once-only) and the answer itself, which names the cohort but no user, no enrolment
// and no time of day, so an answer cannot be traced back to the person who gave it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`alter table courses add column archived_at timestamptz`.execute(db);
	await sql`alter table courses add constraint courses_archived_not_published check (archived_at is null or not published)`.execute(
		db
	);
	await sql`
		create table course_survey_receipts (
			enrolment_id uuid primary key references enrolments (id) on delete cascade
		)`.execute(db);
	await sql`
		create table course_survey_answers (
			id uuid primary key default gen_random_uuid(),
			cohort_id uuid not null references cohorts (id) on delete cascade,
			content smallint not null check (content between 1 and 5),
			instructor smallint not null check (instructor between 1 and 5),
			materials smallint not null check (materials between 1 and 5),
			usefulness smallint not null check (usefulness between 1 and 5),
			comment text not null default '' check (length(comment) <= 2000),
			answered_on date not null default current_date
		)`.execute(db);
	await sql`create index course_survey_answers_cohort_idx on course_survey_answers (cohort_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop table if exists course_survey_answers`.execute(db);
	await sql`drop table if exists course_survey_receipts`.execute(db);
	await sql`alter table courses drop constraint if exists courses_archived_not_published`.execute(db);
	await sql`alter table courses drop column if exists archived_at`.execute(db);
}
