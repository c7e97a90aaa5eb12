// Testbed booking: facilities, resources, their rules, credentials and bookings. The database holds
// the no-double-booking invariant itself (an exclusion constraint on the booked tstzrange).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		create table facilities (
			id uuid primary key default gen_random_uuid(),
			slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
			org_id uuid not null references organizations (id) on delete restrict,
			name_ko text not null,
			name_en text not null,
			location_ko text not null default '',
			location_en text not null default '',
			time_zone text not null default 'Asia/Seoul',
			created_at timestamptz not null default now()
		)`.execute(db);
	await sql`create index facilities_org_idx on facilities (org_id)`.execute(db);

	await sql`
		create table facility_managers (
			facility_id uuid not null references facilities (id) on delete cascade,
			user_id uuid not null references users (id) on delete cascade,
			created_at timestamptz not null default now(),
			primary key (facility_id, user_id)
		)`.execute(db);
	await sql`create index facility_managers_user_idx on facility_managers (user_id)`.execute(db);

	await sql`
		create table credentials (
			id uuid primary key default gen_random_uuid(),
			slug text not null unique,
			name_ko text not null,
			name_en text not null,
			validity_months integer check (validity_months is null or validity_months > 0)
		)`.execute(db);

	await sql`
		create table user_credentials (
			user_id uuid not null references users (id) on delete cascade,
			credential_id uuid not null references credentials (id) on delete cascade,
			granted_at timestamptz not null default now(),
			expires_at timestamptz,
			source text not null default 'manual',
			primary key (user_id, credential_id)
		)`.execute(db);

	await sql`
		create table resources (
			id uuid primary key default gen_random_uuid(),
			facility_id uuid not null references facilities (id) on delete restrict,
			slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
			kind text not null check (kind in ('equipment', 'space', 'device_loan', 'service')),
			name_ko text not null,
			name_en text not null,
			description_ko text not null default '',
			description_en text not null default '',
			rules_ko text not null default '',
			rules_en text not null default '',
			location text not null default '',
			photo_url text,
			slot_minutes integer not null default 30 check (slot_minutes between 5 and 1440),
			min_minutes integer not null default 30 check (min_minutes > 0),
			max_minutes integer not null default 480 check (max_minutes >= min_minutes),
			min_notice_minutes integer not null default 60 check (min_notice_minutes >= 0),
			max_horizon_days integer not null default 60 check (max_horizon_days > 0),
			quota_week_hours numeric(6, 2) check (quota_week_hours is null or quota_week_hours > 0),
			quota_month_hours numeric(6, 2) check (quota_month_hours is null or quota_month_hours > 0),
			auto_confirm boolean not null default true,
			cancel_cutoff_minutes integer not null default 120 check (cancel_cutoff_minutes >= 0),
			checkin_before_minutes integer not null default 15 check (checkin_before_minutes >= 0),
			checkin_after_minutes integer not null default 30 check (checkin_after_minutes >= 0),
			member_rate_krw integer not null default 0 check (member_rate_krw >= 0),
			nonmember_rate_krw integer not null default 0 check (nonmember_rate_krw >= 0),
			required_credential_id uuid references credentials (id) on delete set null,
			active boolean not null default true,
			created_at timestamptz not null default now()
		)`.execute(db);
	await sql`create index resources_facility_idx on resources (facility_id)`.execute(db);

	// Opening hours as local wall-clock times of the facility's time zone; weekday 0 = Sunday.
	await sql`
		create table resource_hours (
			resource_id uuid not null references resources (id) on delete cascade,
			weekday smallint not null check (weekday between 0 and 6),
			opens time not null,
			closes time not null check (closes > opens),
			primary key (resource_id, weekday, opens)
		)`.execute(db);

	await sql`
		create table resource_blackouts (
			id uuid primary key default gen_random_uuid(),
			resource_id uuid not null references resources (id) on delete cascade,
			during tstzrange not null check (not isempty(during)),
			reason_ko text not null default '',
			reason_en text not null default ''
		)`.execute(db);
	await sql`create index resource_blackouts_during_idx on resource_blackouts using gist (resource_id, during)`.execute(
		db
	);

	await sql`
		create table bookings (
			id uuid primary key default gen_random_uuid(),
			resource_id uuid not null references resources (id) on delete restrict,
			org_id uuid not null references organizations (id) on delete restrict,
			user_id uuid not null references users (id) on delete restrict,
			during tstzrange not null check (not isempty(during) and lower_inc(during) and not upper_inc(during)),
			status text not null check (status in ('pending', 'confirmed', 'rejected', 'cancelled', 'completed', 'no_show', 'expired')),
			purpose text not null default '',
			decision_reason text,
			usage_notes text,
			series_id uuid,
			sequence integer not null default 0,
			checked_in_at timestamptz,
			ended_at timestamptz,
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now(),
			constraint bookings_no_overlap exclude using gist (resource_id with =, during with &&)
				where (status in ('pending', 'confirmed'))
		)`.execute(db);
	await sql`create index bookings_org_idx on bookings (org_id, lower(during))`.execute(db);
	await sql`create index bookings_user_idx on bookings (user_id, lower(during))`.execute(db);
	// The no-show job scans confirmed bookings by start time.
	await sql`create index bookings_open_start_idx on bookings (lower(during)) where status in ('pending', 'confirmed')`.execute(
		db
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'bookings',
		'resource_blackouts',
		'resource_hours',
		'resources',
		'user_credentials',
		'credentials',
		'facility_managers',
		'facilities'
	]) {
		await sql`drop table if exists ${sql.table(table)}`.execute(db);
	}
}
