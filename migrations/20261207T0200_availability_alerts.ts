// Availability alerts (issue #20 item 2): "notify me" on a testbed resource for a date range, and the
// short exclusive holds on freed slots offered to those waiting, in the order their alerts were made.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		create table availability_alerts (
			id uuid primary key default gen_random_uuid(),
			resource_id uuid not null references resources (id) on delete cascade,
			user_id uuid not null references users (id) on delete cascade,
			org_id uuid not null references organizations (id) on delete cascade,
			starts_at timestamptz not null,
			ends_at timestamptz not null,
			min_minutes int check (min_minutes is null or min_minutes between 1 and 10080),
			status text not null default 'active' check (status in ('active', 'cancelled', 'fulfilled')),
			created_at timestamptz not null default now(),
			closed_at timestamptz,
			check (ends_at > starts_at),
			check ((status = 'active') = (closed_at is null))
		)`.execute(db);
	await sql`create index availability_alerts_resource_idx on availability_alerts (resource_id, created_at) where status = 'active'`.execute(
		db
	);
	await sql`create index availability_alerts_user_idx on availability_alerts (user_id, created_at)`.execute(db);
	// A live hold keeps its slot from everyone else; two live holds never overlap on one resource, so a
	// freed slot is offered exactly once however many triggers race for it.
	await sql`
		create table slot_holds (
			id uuid primary key default gen_random_uuid(),
			alert_id uuid not null references availability_alerts (id) on delete cascade,
			resource_id uuid not null references resources (id) on delete cascade,
			user_id uuid not null references users (id) on delete cascade,
			during tstzrange not null,
			status text not null default 'offered' check (status in ('offered', 'booked', 'expired', 'released')),
			expires_at timestamptz not null,
			created_at timestamptz not null default now(),
			closed_at timestamptz,
			check ((status = 'offered') = (closed_at is null)),
			constraint slot_holds_no_overlap exclude using gist (resource_id with =, during with &&) where (status = 'offered')
		)`.execute(db);
	await sql`create index slot_holds_alert_idx on slot_holds (alert_id)`.execute(db);
	await sql`create index slot_holds_live_idx on slot_holds (expires_at) where status = 'offered'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop table if exists slot_holds`.execute(db);
	await sql`drop table if exists availability_alerts`.execute(db);
}
