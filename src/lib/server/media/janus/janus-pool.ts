// Several Janus servers behind one MediaBackend (JANUS_URLS): each new room goes to the least loaded
// server relative to its capacity, by the same rule that places rooms on werift nodes
// (cluster/placement.ts), and stays there until it closes. A server's load is what Janus reports
// (its VideoRoom rooms, from every portal node that uses it), read every `pollMs`, plus the rooms
// this process placed there since that reading. A server that does not answer is taken only when no
// other server is left, however full the others are. Before the first reading, or for a server that
// cannot report, the rooms this process keeps there are the load.
import type { MediaBackend, MediaStats } from '../backend';
import { pickMediaNode } from '../../cluster/placement';

export type JanusServer = {
	url: string;
	backend: MediaBackend & { roomsOnServer?(): Promise<number> };
	capacity: number;
};

export type JanusPoolOptions = {
	/** How often each server's own room count is read (ms); 5 s by default, 0 to never read it. */
	pollMs?: number;
};

type Reading = { rooms: number } | { unreachable: true };

export function createJanusPool(servers: readonly JanusServer[], options: JanusPoolOptions = {}): MediaBackend {
	if (servers.length === 0) throw new Error('a Janus pool needs at least one server');
	/** room → the server it was placed on. */
	const placed = new Map<string, JanusServer>();
	const readings = new Map<JanusServer, Reading>();
	/** Rooms placed on a server since its last reading (Janus may not have created them yet). */
	const placedSinceReading = new Map<JanusServer, number>();

	const ownRooms = (server: JanusServer) => [...placed.values()].filter((p) => p === server).length;
	function loadOf(server: JanusServer): number {
		const reading = readings.get(server);
		if (!reading) return ownRooms(server);
		if ('unreachable' in reading) return Number.POSITIVE_INFINITY;
		return Math.max(reading.rooms + (placedSinceReading.get(server) ?? 0), ownRooms(server));
	}

	async function read(server: JanusServer): Promise<void> {
		if (!server.backend.roomsOnServer) return;
		const since = placedSinceReading.get(server) ?? 0;
		try {
			readings.set(server, { rooms: await server.backend.roomsOnServer() });
		} catch {
			readings.set(server, { unreachable: true });
		}
		// Rooms placed while the request was out are not in its answer yet.
		placedSinceReading.set(server, Math.max(0, (placedSinceReading.get(server) ?? 0) - since));
	}
	const readAll = () => Promise.all(servers.map(read));

	const pollMs = options.pollMs ?? 5_000;
	let polling: Promise<unknown> | undefined;
	const timer =
		pollMs > 0
			? setInterval(() => {
					polling ??= readAll().finally(() => (polling = undefined));
				}, pollMs)
			: undefined;
	timer?.unref();

	function serverFor(roomId: string): JanusServer {
		let server = placed.get(roomId);
		if (!server) {
			const picked = pickMediaNode(
				servers.map((s) => ({ id: s.url, address: s.url, load: loadOf(s), capacity: s.capacity, server: s }))
			);
			server = picked?.server ?? servers[0]!;
			placed.set(roomId, server);
			placedSinceReading.set(server, (placedSinceReading.get(server) ?? 0) + 1);
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
		/** Reads every server's room count now (the poll does it every `pollMs`). */
		refreshLoad: readAll,
		async close() {
			if (timer) clearInterval(timer);
			await polling;
			placed.clear();
			await Promise.all(servers.map((s) => s.backend.close()));
		}
	} as MediaBackend & { readonly placement: Record<string, string>; refreshLoad(): Promise<unknown> };
}
