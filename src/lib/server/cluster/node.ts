// One portal node in a cluster: its heartbeat, the room leases it holds (renewed with the heartbeat,
// cached with a local deadline that ends before the lease can expire in PostgreSQL), placement of
// rooms on the least loaded live node, and handing its rooms over when it shuts down.
import type { Kysely } from 'kysely';
import type { DB } from '../db';
import type { Logger } from '../logger';
import type { ClusterConfig } from './config';
import { ClusterUnavailableError, NotLeaseHolderError } from './errors';
import { pickMediaNode } from './placement';
import * as clusterRepository from './repository';

export type Placement = { roomId: string; nodeId: string; mediaAddress: string; version: number };

export type ClusterNodeOptions = ClusterConfig & {
	db: Kysely<DB>;
	mediaAddress: string;
	logger?: Pick<Logger, 'warn' | 'info'>;
	/** Tests shorten HANDOVER_GRACE_MS. */
	handoverGraceMs?: number;
	/**
	 * A room this node no longer holds: drop its sockets (they reconnect to the new owner) and, when
	 * it was lost rather than handed over, its media at once. A handed-over room's media keeps flowing
	 * for HANDOVER_GRACE_MS, while its clients build their new legs on the new owner.
	 */
	onLost?: (roomId: string, reason: 'lost' | 'handover') => void;
	/** A room this node now holds (claimed here, or placed here by another node): e.g. resume its recording. */
	onAcquired?: (roomId: string) => void;
};

/** Slack for a slow clock tick between PostgreSQL's `now()` and ours. */
const SAFETY_MS = 250;
/**
 * How long a node that handed its rooms over keeps forwarding their old media before it exits: the
 * clients build their new legs on the new owner meanwhile (make before break) and retire the old
 * ones once the new ones run, so viewers see no freeze. Reconnect, join and new legs take about 2 s.
 */
export const HANDOVER_GRACE_MS = 5000;
/** An owner whose heartbeat is older than this many periods is taken for dead by placement (it waits for the lease to end). */
const SILENT_BEATS = 2;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A held lease: its version, the local time until which it is certainly ours, and the sequence number
 * of the statement that took it (claims and heartbeats share one counter, so a claim sent after a
 * heartbeat is told apart from one sent before it even within the same millisecond).
 */
type Lease = { version: number; validUntil: number; seq: number };

export type ClusterNode = ReturnType<typeof createClusterNode>;

export function createClusterNode(options: ClusterNodeOptions) {
	const { db, nodeId, mediaAddress, leaseTtlMs, heartbeatMs, logger } = options;
	/** room → the lease version held and the local time until which it is certainly ours. */
	let held = new Map<string, Lease>();
	let lastBeatAt = 0;
	/** Orders this node's claims and heartbeats by when they were sent. */
	let sent = 0;
	let timer: NodeJS.Timeout | undefined;
	let beating: Promise<void> | undefined;
	let stopped = false;

	/**
	 * The deadline is counted from before the statement was sent, and PostgreSQL's expiry from its
	 * `now()` during the statement, which is later: so this node stops acting on a lease before any
	 * other node can take it. That, and the version check, make a split impossible.
	 */
	const deadline = (sentAt: number) => sentAt + leaseTtlMs - SAFETY_MS;

	function lose(roomId: string) {
		held.delete(roomId);
		options.onLost?.(roomId, 'lost');
	}

	async function beat(): Promise<void> {
		const sentAt = Date.now();
		const seq = ++sent;
		try {
			const rows = await clusterRepository.heartbeat(db, {
				nodeId,
				mediaAddress,
				capacity: options.roomCapacity,
				ttlMs: leaseTtlMs
			});
			if (stopped) return;
			lastBeatAt = sentAt;
			const renewed = new Map(rows.map((r) => [r.room_id, r.version]));
			const next = new Map<string, Lease>();
			for (const [roomId, lease] of held) {
				// Taken by ensureOwned while this heartbeat was on its way: its own claim stands.
				if (lease.seq > seq) next.set(roomId, lease);
				else if (renewed.get(roomId) === lease.version) next.set(roomId, { ...lease, validUntil: deadline(sentAt) });
			}
			// Leases placed on this node by another node's placement join the cache here.
			for (const [roomId, version] of renewed)
				if (!next.has(roomId) && !held.has(roomId)) next.set(roomId, { version, validUntil: deadline(sentAt), seq });
			const lost = [...held.keys()].filter((roomId) => !next.has(roomId));
			const gained = [...next.keys()].filter((roomId) => !held.has(roomId));
			held = next;
			for (const roomId of lost) options.onLost?.(roomId, 'lost');
			for (const roomId of gained) options.onAcquired?.(roomId);
		} catch (error) {
			// No renewal: nothing is certainly ours any more. Drop it all now rather than at expiry.
			logger?.warn({ err: error, nodeId }, 'cluster heartbeat failed');
			for (const roomId of [...held.keys()]) lose(roomId);
		}
	}

	function schedule() {
		if (stopped) return;
		timer = setTimeout(() => {
			beating = beat().finally(schedule);
		}, heartbeatMs);
		timer.unref?.();
	}

	/** Ready while the last successful heartbeat is younger than a lease. */
	const ready = () => !stopped && Date.now() < lastBeatAt + leaseTtlMs - SAFETY_MS;

	return {
		nodeId,
		mediaAddress,
		ready,

		async start() {
			await beat();
			schedule();
		},

		/** One heartbeat now (the timer runs them every CLUSTER_HEARTBEAT_MS). */
		renew: () => beat(),

		/** The version of the lease this node holds on `roomId` right now, without a query. */
		heldVersion(roomId: string): number | undefined {
			const lease = held.get(roomId);
			return lease && Date.now() < lease.validUntil ? lease.version : undefined;
		},

		/**
		 * The lease version under which this node may act on `roomId`: from the cache, else renewed
		 * or taken (when free or expired) now. Throws when another node holds it or when this node
		 * cannot reach PostgreSQL.
		 */
		async ensureOwned(roomId: string): Promise<number> {
			const cached = this.heldVersion(roomId);
			if (cached !== undefined) return cached;
			if (stopped) throw new ClusterUnavailableError();
			const sentAt = Date.now();
			const seq = ++sent;
			// Not gated on ready(): a slow heartbeat on a busy machine must not stop the room's media;
			// a node without PostgreSQL fails here anyway, and claims nothing.
			const lease = await clusterRepository
				.claimLease(db, { roomId, nodeId, mediaAddress, ttlMs: leaseTtlMs })
				.catch(() => {
					throw new ClusterUnavailableError();
				});
			if (!lease || lease.node_id !== nodeId) throw new NotLeaseHolderError(roomId);
			const gained = !held.has(roomId);
			held.set(roomId, { version: lease.version, validUntil: deadline(sentAt), seq });
			if (gained) options.onAcquired?.(roomId);
			return lease.version;
		},

		/** Which node serves `roomId`: its live owner, else the least loaded live node, which gets the lease now. */
		async place(roomId: string): Promise<Placement> {
			if (!ready()) throw new ClusterUnavailableError();
			const toPlacement = (l: clusterRepository.LeaseRow): Placement => ({
				roomId,
				nodeId: l.node_id,
				mediaAddress: l.media_address,
				version: l.version
			});
			let current = await clusterRepository.findLiveLeaseWithOwnerAge(db, roomId);
			// An owner that stopped beating (killed) still holds its lease until it runs out, and cannot
			// be fenced off earlier. Rather than send the client to a dead node and have it retry, wait
			// here for the lease's end (at most one lifetime) and place the room then: the client
			// lands on the new owner the moment it can exist. A slow but live owner renews meanwhile
			// and keeps the room.
			if (
				current &&
				current.node_id !== nodeId &&
				(current.owner_silent_ms === null || current.owner_silent_ms > SILENT_BEATS * heartbeatMs + SAFETY_MS)
			) {
				await pause(Math.min(Math.max(current.remaining_ms, 0), leaseTtlMs) + 20);
				current = await clusterRepository.findLiveLeaseWithOwnerAge(db, roomId);
			}
			if (current) return toPlacement(current);
			const nodes = await clusterRepository.listLiveNodes(db, leaseTtlMs);
			const target = pickMediaNode(
				nodes.map((n) => ({ id: n.node_id, address: n.media_address, load: n.rooms, capacity: n.capacity }))
			) ?? { id: nodeId, address: mediaAddress };
			const claimed = await clusterRepository.claimLease(db, {
				roomId,
				nodeId: target.id,
				mediaAddress: target.address,
				ttlMs: leaseTtlMs
			});
			// Another node placed the room between our two statements: its placement stands.
			const winner = claimed ?? (await clusterRepository.findLiveLease(db, roomId));
			if (!winner) throw new ClusterUnavailableError();
			return toPlacement(winner);
		},

		/**
		 * Clean shutdown: leave placement, give every held room to the least loaded other live node
		 * (or let its lease expire now when there is none), then drop the rooms here so their sockets
		 * reconnect and land on the new owner.
		 */
		async handOver(): Promise<number> {
			stopped = true;
			clearTimeout(timer);
			await beating?.catch(() => {});
			const rooms = [...held];
			held = new Map();
			let moved = 0;
			try {
				await clusterRepository.forgetNode(db, nodeId);
				const others = (await clusterRepository.listLiveNodes(db, leaseTtlMs)).filter((n) => n.node_id !== nodeId);
				const load = new Map(others.map((n) => [n.node_id, n.rooms]));
				for (const [roomId, lease] of rooms) {
					const target = pickMediaNode(
						others.map((n) => ({
							id: n.node_id,
							address: n.media_address,
							load: load.get(n.node_id) ?? 0,
							capacity: n.capacity
						}))
					);
					if (!target) break;
					const ok = await clusterRepository.moveLease(db, {
						roomId,
						fromNode: nodeId,
						version: lease.version,
						toNode: target.id,
						mediaAddress: target.address,
						ttlMs: leaseTtlMs
					});
					if (ok) {
						moved += 1;
						load.set(target.id, (load.get(target.id) ?? 0) + 1);
					}
				}
				await clusterRepository.expireLeasesOf(db, nodeId);
			} catch (error) {
				logger?.warn({ err: error, nodeId }, 'cluster handover failed; the leases expire by themselves');
			}
			for (const [roomId] of rooms) options.onLost?.(roomId, 'handover');
			logger?.info({ nodeId, rooms: rooms.length, moved }, 'cluster rooms handed over');
			// Media is not an action: the old legs may keep forwarding until the new ones play.
			if (moved > 0) await new Promise((resolve) => setTimeout(resolve, options.handoverGraceMs ?? HANDOVER_GRACE_MS));
			return moved;
		},

		/** Stops the heartbeat without handing over (the leases expire by themselves). */
		async stop() {
			stopped = true;
			clearTimeout(timer);
			await beating?.catch(() => {});
		}
	};
}
