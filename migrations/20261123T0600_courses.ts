// Training courses: the catalogue, cohorts and their meetings, enrolments with an ordered waitlist,
// attendance and certificates. The database holds the waitlist's shape itself (one person per
// position per cohort, a position exactly when waitlisted, a deadline whenever offered); the
// capacity invariant is held by the service, which locks the cohort row before counting.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		create table courses (
			id uuid primary key default gen_random_uuid(),
			slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
			provider_org_id uuid not null references organizations (id) on delete restrict,
			category text not null check (category in ('technology', 'regulatory', 'clinical_trials', 'commercialisation', 'smart_factory', 'iomt_samd')),
			audiences text[] not null default '{}' check (audiences <@ array['employees', 'founders', 'students']::text[]),
			level text not null check (level in ('introductory', 'intermediate', 'advanced')),
			language text not null check (language in ('ko', 'en', 'ko_en')),
			format text not null check (format in ('online', 'on_site', 'hybrid')),
			place_ko text not null default '',
			place_en text not null default '',
			title_ko text not null,
			title_en text not null,
			summary_ko text not null default '',
			summary_en text not null default '',
			description_ko text not null default '',
			description_en text not null default '',
			syllabus_ko text not null default '',
			syllabus_en text not null default '',
			hours numeric(5, 1) check (hours is null or hours > 0),
			credential_id uuid references credentials (id) on delete set null,
			published boolean not null default true,
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now()
		)`.execute(db);
	await sql`create index courses_provider_idx on courses (provider_org_id)`.execute(db);
	await sql`create index courses_credential_idx on courses (credential_id) where credential_id is not null`.execute(db);

	await sql`
		create table course_prerequisites (
			course_id uuid not null references courses (id) on delete cascade,
			prerequisite_id uuid not null references courses (id) on delete restrict,
			primary key (course_id, prerequisite_id),
			check (course_id <> prerequisite_id)
		)`.execute(db);

	await sql`
		create table course_managers (
			course_id uuid not null references courses (id) on delete cascade,
			user_id uuid not null references users (id) on delete cascade,
			created_at timestamptz not null default now(),
			primary key (course_id, user_id)
		)`.execute(db);
	await sql`create index course_managers_user_idx on course_managers (user_id)`.execute(db);

	await sql`
		create table cohorts (
			id uuid primary key default gen_random_uuid(),
			course_id uuid not null references courses (id) on delete restrict,
			label_ko text not null,
			label_en text not null,
			capacity integer not null check (capacity > 0),
			enrol_opens_at timestamptz not null,
			enrol_closes_at timestamptz not null check (enrol_closes_at > enrol_opens_at),
			waitlist_enabled boolean not null default true,
			employer_approval boolean not null default false,
			offer_hours integer not null default 48 check (offer_hours between 1 and 720),
			place_ko text not null default '',
			place_en text not null default '',
			cancelled_at timestamptz,
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now()
		)`.execute(db);
	await sql`create index cohorts_course_idx on cohorts (course_id)`.execute(db);

	await sql`
		create table cohort_meetings (
			id uuid primary key default gen_random_uuid(),
			cohort_id uuid not null references cohorts (id) on delete cascade,
			starts_at timestamptz not null,
			ends_at timestamptz not null check (ends_at > starts_at),
			place_ko text not null default '',
			place_en text not null default ''
		)`.execute(db);
	await sql`create index cohort_meetings_cohort_idx on cohort_meetings (cohort_id, starts_at)`.execute(db);

	await sql`
		create table enrolments (
			id uuid primary key default gen_random_uuid(),
			cohort_id uuid not null references cohorts (id) on delete restrict,
			user_id uuid not null references users (id) on delete restrict,
			org_id uuid not null references organizations (id) on delete restrict,
			status text not null check (status in ('enrolled', 'waitlisted', 'offered', 'cancelled', 'expired', 'completed')),
			position integer check (position > 0),
			offer_expires_at timestamptz,
			enrolled_at timestamptz,
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now(),
			check ((status = 'waitlisted') = (position is not null)),
			check (status <> 'offered' or offer_expires_at is not null)
		)`.execute(db);
	// One live enrolment per person and cohort; cancelled and expired ones stay as history.
	await sql`create unique index enrolments_live_key on enrolments (cohort_id, user_id) where status in ('enrolled', 'waitlisted', 'offered', 'completed')`.execute(
		db
	);
	// No two people share a place in the queue.
	await sql`create unique index enrolments_waitlist_position_key on enrolments (cohort_id, position) where status = 'waitlisted'`.execute(
		db
	);
	await sql`create index enrolments_user_idx on enrolments (user_id, created_at desc)`.execute(db);
	// The expiry job scans open offers by deadline.
	await sql`create index enrolments_offer_deadline_idx on enrolments (offer_expires_at) where status = 'offered'`.execute(
		db
	);

	await sql`
		create table attendance (
			meeting_id uuid not null references cohort_meetings (id) on delete cascade,
			enrolment_id uuid not null references enrolments (id) on delete cascade,
			present boolean not null,
			marked_by uuid references users (id) on delete set null,
			marked_at timestamptz not null default now(),
			primary key (meeting_id, enrolment_id)
		)`.execute(db);
	await sql`create index attendance_enrolment_idx on attendance (enrolment_id)`.execute(db);

	await sql`
		create table certificates (
			id uuid primary key default gen_random_uuid(),
			serial text not null unique check (serial ~ '^[A-Z0-9-]{8,40}$'),
			enrolment_id uuid not null unique references enrolments (id) on delete restrict,
			issued_at timestamptz not null,
			expires_at timestamptz check (expires_at is null or expires_at > issued_at),
			revoked_at timestamptz,
			revoked_reason text,
			check ((revoked_at is null) = (revoked_reason is null))
		)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'certificates',
		'attendance',
		'enrolments',
		'cohort_meetings',
		'cohorts',
		'course_managers',
		'course_prerequisites',
		'courses'
	]) {
		await sql`drop table if exists ${sql.table(table)}`.execute(db);
	}
}
