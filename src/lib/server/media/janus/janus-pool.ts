// Several Janus servers behind one MediaBackend (JANUS_URLS): each new room goes to the least loaded
// server relative to its capacity, by the same rule that places rooms on werift nodes
// (cluster/placement.ts), and stays there until it closes. Load is the rooms this process keeps on
// each server (its stats), so a server another process fills is not seen here; on a cluster each
// room lives on one portal node anyway, which makes the per-node count the right one for its rooms.
import type { MediaBackend, MediaStats } from '../backend';
import { pickMediaNode } from '../../cluster/placement';

export type JanusServer = { url: string; backend: MediaBackend; capacity: number };

export function createJanusPool(servers: readonly JanusServer[]): MediaBackend {
	if (servers.length === 0) throw new Error('a Janus pool needs at least one server');
	/** room → the server it was placed on. */
	const placed = new Map<string, JanusServer>();

	function serverFor(roomId: string): JanusServer {
		let server = placed.get(roomId);
		if (!server) {
			const rooms = (s: JanusServer) => [...placed.values()].filter((p) => p === s).length;
			const picked = pickMediaNode(
				servers.map((s) => ({ id: s.url, address: s.url, load: rooms(s), capacity: s.capacity, server: s }))
			);
			server = picked?.server ?? servers[0]!;
			placed.set(roomId, server);
		}
		return server;
	}

	return {
		iceServers: servers[0]!.backend.iceServers,
		room: (roomId) => serverFor(roomId).backend.room(roomId),
		async closeRoom(roomId) {
			const server = placed.get(roomId);
			placed.delete(roomId);
			await server?.backend.closeRoom(roomId);
		},
		stats(): MediaStats {
			const total: MediaStats = {
				rooms: 0,
				publishers: 0,
				subscribers: 0,
				tracks: 0,
				packetsReceived: 0,
				packetsForwarded: 0,
				bytesForwarded: 0,
				keyframeRequests: 0,
				retransmissions: 0
			};
			for (const { backend } of servers) {
				const stats = backend.stats();
				for (const key of Object.keys(total) as Array<keyof MediaStats>) total[key] += stats[key];
			}
			return total;
		},
		/** Where each room is now, for logs and tests. */
		get placement(): Record<string, string> {
			return Object.fromEntries([...placed].map(([roomId, s]) => [roomId, s.url]));
		},
		async close() {
			placed.clear();
			await Promise.all(servers.map((s) => s.backend.close()));
		}
	} as MediaBackend & { readonly placement: Record<string, string> };
}
