// Several portal nodes on one PostgreSQL: each node's heartbeat (its media address and load), the
// lease that places a live IR room on exactly one node (version = fencing token, bumped on every
// change of owner), and the table @socket.io/postgres-adapter keeps payloads over NOTIFY's 8000 bytes in.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		create table cluster_nodes (
			node_id text primary key check (node_id ~ '^[a-z0-9][a-z0-9_-]{0,31}$'),
			media_address text not null,
			capacity integer not null default 100 check (capacity >= 1),
			heartbeat_at timestamptz not null default now(),
			started_at timestamptz not null default now()
		)`.execute(db);
	await sql`
		create table room_leases (
			room_id uuid primary key references ir_events (id) on delete cascade,
			node_id text not null,
			media_address text not null,
			version bigint not null default 1 check (version >= 1),
			expires_at timestamptz not null,
			updated_at timestamptz not null default now()
		)`.execute(db);
	await sql`create index room_leases_node_idx on room_leases (node_id)`.execute(db);
	await sql`
		create table if not exists socket_io_attachments (
			id bigserial unique,
			created_at timestamptz default now(),
			payload bytea
		)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop table if exists socket_io_attachments`.execute(db);
	await sql`drop table if exists room_leases`.execute(db);
	await sql`drop table if exists cluster_nodes`.execute(db);
}
