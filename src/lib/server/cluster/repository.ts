// Queries of node heartbeats and room leases. A lease row is the one owner of a room's media;
// `version` is its fencing token: bumped whenever the owner changes or an expired lease is taken.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db';

type Db = Kysely<DB> | Transaction<DB>;

export type LeaseRow = { room_id: string; node_id: string; media_address: string; version: number; expires_at: Date };
export type NodeRow = { node_id: string; media_address: string; capacity: number; rooms: number };

const ttl = (ms: number) => sql`(${ms}::integer * interval '1 millisecond')`;

/**
 * Records the node's heartbeat and renews every unexpired lease it holds, in one statement;
 * returns the leases it still holds (a lease that expired meanwhile is not renewed: another node
 * may already have it).
 */
export async function heartbeat(
	db: Db,
	node: { nodeId: string; mediaAddress: string; capacity: number; ttlMs: number }
): Promise<Array<{ room_id: string; version: number }>> {
	const { rows } = await sql<{ room_id: string; version: number }>`
		with beat as (
			insert into cluster_nodes (node_id, media_address, capacity, heartbeat_at)
			values (${node.nodeId}, ${node.mediaAddress}, ${node.capacity}, now())
			on conflict (node_id) do update
				set media_address = excluded.media_address, capacity = excluded.capacity, heartbeat_at = now()
			returning node_id
		)
		update room_leases set expires_at = now() + ${ttl(node.ttlMs)}, updated_at = now()
		where node_id = (select node_id from beat) and expires_at > now()
		returning room_id, version`.execute(db);
	return rows;
}

/**
 * Takes the lease of `roomId` for `nodeId` when it is free or expired (version + 1), or renews it
 * when `nodeId` holds it already (same version). Atomic under any number of parallel callers: the
 * unique key serialises inserts and the row lock serialises updates, and each re-checks the
 * condition against the row as the winner left it. Undefined when another node holds the lease.
 */
export async function claimLease(
	db: Db,
	lease: { roomId: string; nodeId: string; mediaAddress: string; ttlMs: number }
): Promise<LeaseRow | undefined> {
	const { rows } = await sql<LeaseRow>`
		insert into room_leases as l (room_id, node_id, media_address, version, expires_at)
		values (${lease.roomId}, ${lease.nodeId}, ${lease.mediaAddress}, 1, now() + ${ttl(lease.ttlMs)})
		on conflict (room_id) do update
			set node_id = excluded.node_id,
				media_address = excluded.media_address,
				version = case when l.node_id = excluded.node_id and l.expires_at > now() then l.version else l.version + 1 end,
				expires_at = excluded.expires_at,
				updated_at = now()
			where l.expires_at <= now() or l.node_id = excluded.node_id
		returning room_id, node_id, media_address, version, expires_at`.execute(db);
	return rows[0];
}

/** The lease of `roomId` while it has not expired. */
export async function findLiveLease(db: Db, roomId: string): Promise<LeaseRow | undefined> {
	const { rows } = await sql<LeaseRow>`
		select room_id, node_id, media_address, version, expires_at from room_leases
		where room_id = ${roomId} and expires_at > now()`.execute(db);
	return rows[0];
}

/**
 * The live lease of `roomId` with, measured by PostgreSQL's clock, how long it still runs and how
 * long ago its holder last renewed its heartbeat (null when the holder left the node list).
 */
export async function findLiveLeaseWithOwnerAge(
	db: Db,
	roomId: string
): Promise<(LeaseRow & { remaining_ms: number; owner_silent_ms: number | null }) | undefined> {
	const { rows } = await sql<LeaseRow & { remaining_ms: number; owner_silent_ms: number | null }>`
		select l.room_id, l.node_id, l.media_address, l.version, l.expires_at,
			(extract(epoch from (l.expires_at - now())) * 1000)::integer as remaining_ms,
			(extract(epoch from (now() - n.heartbeat_at)) * 1000)::integer as owner_silent_ms
		from room_leases l left join cluster_nodes n on n.node_id = l.node_id
		where l.room_id = ${roomId} and l.expires_at > now()`.execute(db);
	return rows[0];
}

/** Nodes whose heartbeat is fresher than `ttlMs`, with the number of live rooms each holds. */
export async function listLiveNodes(db: Db, ttlMs: number): Promise<NodeRow[]> {
	const { rows } = await sql<NodeRow>`
		select n.node_id, n.media_address, n.capacity,
			(select count(*) from room_leases l where l.node_id = n.node_id and l.expires_at > now())::integer as rooms
		from cluster_nodes n
		where n.heartbeat_at > now() - ${ttl(ttlMs)}
		order by n.node_id`.execute(db);
	return rows;
}

/**
 * Hands a lease to another node (version + 1), only if `fromNode` still holds it at `version`.
 * Returns whether it moved.
 */
export async function moveLease(
	db: Db,
	move: { roomId: string; fromNode: string; version: number; toNode: string; mediaAddress: string; ttlMs: number }
): Promise<boolean> {
	const result = await sql`
		update room_leases set node_id = ${move.toNode}, media_address = ${move.mediaAddress}, version = version + 1,
			expires_at = now() + ${ttl(move.ttlMs)}, updated_at = now()
		where room_id = ${move.roomId} and node_id = ${move.fromNode} and version = ${move.version}`.execute(db);
	return Number(result.numAffectedRows ?? 0) === 1;
}

/** Lets the leases of a leaving node expire now (the next claim bumps their version). */
export async function expireLeasesOf(db: Db, nodeId: string): Promise<void> {
	await sql`update room_leases set expires_at = now(), updated_at = now() where node_id = ${nodeId} and expires_at > now()`.execute(
		db
	);
}

/** Takes a leaving node out of placement at once. */
export async function forgetNode(db: Db, nodeId: string): Promise<void> {
	await sql`delete from cluster_nodes where node_id = ${nodeId}`.execute(db);
}
