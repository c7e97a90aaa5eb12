// The node's identity and lease timing, read once from the environment (see README "Running several nodes").
import { hostname } from 'node:os';
import { z } from 'zod';

export const NODE_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,31}$/;

/** A default node id from the host name, so one node per host needs no setting at all. */
export function defaultNodeId(host = hostname()): string {
	const cleaned = host
		.toLowerCase()
		.replace(/[^a-z0-9_-]/g, '-')
		.replace(/^[^a-z0-9]+/, '');
	return cleaned.slice(0, 32) || 'node';
}

const schema = z
	.object({
		NODE_ID: z
			.string()
			.regex(NODE_ID_PATTERN)
			.optional()
			.or(z.literal('').transform(() => undefined)),
		/** Rooms this node takes before placement prefers others (load / capacity decides). */
		NODE_ROOM_CAPACITY: z.coerce.number().int().min(1).max(10_000).default(100),
		/** How long a room lease lasts without renewal: the bound on failover after a node dies. */
		CLUSTER_LEASE_TTL_MS: z.coerce.number().int().min(1000).max(60_000).default(3500),
		/**
		 * Renewals every 500 ms: a lease is lost only after about 2.75 s without one succeeding (its
		 * lifetime less one period and the safety slack), the same tolerance as the earlier 4 s / 1 s.
		 */
		CLUSTER_HEARTBEAT_MS: z.coerce.number().int().min(200).max(20_000).default(500)
	})
	.refine((c) => c.CLUSTER_HEARTBEAT_MS * 2 < c.CLUSTER_LEASE_TTL_MS, {
		path: ['CLUSTER_HEARTBEAT_MS'],
		message: 'must be under half of CLUSTER_LEASE_TTL_MS'
	});

export type ClusterConfig = { nodeId: string; roomCapacity: number; leaseTtlMs: number; heartbeatMs: number };

export function readClusterConfig(env: Record<string, string | undefined> = process.env): ClusterConfig {
	const parsed = schema.safeParse(env);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
		throw new Error(`Invalid cluster configuration: ${problems}`);
	}
	const c = parsed.data;
	return {
		nodeId: c.NODE_ID ?? defaultNodeId(),
		roomCapacity: c.NODE_ROOM_CAPACITY,
		leaseTtlMs: c.CLUSTER_LEASE_TTL_MS,
		heartbeatMs: c.CLUSTER_HEARTBEAT_MS
	};
}
