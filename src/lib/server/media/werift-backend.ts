// The MediaBackend on werift: one process-wide registry of live rooms (created on first use).
import type { MediaBackend, MediaStats, RTCIceServerConfig } from './backend';
import { emptyCounters } from './forwarded-track';
import type { MediaNetworkConfig } from './peer-config';
import { WeriftRoom, type MediaLogger } from './werift-room';

export type MediaBackendConfig = MediaNetworkConfig & { MEDIA_ICE_SERVERS: RTCIceServerConfig[] };

export function createMediaBackend(config: MediaBackendConfig, logger: MediaLogger): MediaBackend {
	const rooms = new Map<string, WeriftRoom>();
	/** Counters of rooms already closed, so process totals do not go backwards. */
	const retired = emptyCounters();
	const forget = (room: WeriftRoom) => {
		if (rooms.get(room.id) !== room) return;
		rooms.delete(room.id);
		for (const key of Object.keys(retired) as (keyof typeof retired)[]) retired[key] += room.counters[key];
	};
	return {
		iceServers: config.MEDIA_ICE_SERVERS,
		room(roomId) {
			let room = rooms.get(roomId);
			if (!room) rooms.set(roomId, (room = new WeriftRoom(roomId, config, logger, forget)));
			return room;
		},
		async closeRoom(roomId) {
			await rooms.get(roomId)?.close();
		},
		stats(): MediaStats {
			const total: MediaStats = { rooms: rooms.size, publishers: 0, subscribers: 0, tracks: 0, ...retired };
			for (const room of rooms.values()) {
				const stats = room.stats();
				for (const key of ['publishers', 'subscribers', 'tracks', 'packetsReceived', 'packetsForwarded', 'bytesForwarded', 'keyframeRequests', 'retransmissions'] as const)
					total[key] += stats[key];
			}
			return total;
		},
		async close() {
			await Promise.all([...rooms.values()].map((room) => room.close()));
		}
	};
}
