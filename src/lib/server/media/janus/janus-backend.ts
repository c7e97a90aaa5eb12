// The MediaBackend on Janus's VideoRoom (MEDIA_BACKEND=janus): one Janus session for the process,
// one VideoRoom per live room. Grants and signalling stay in the portal; only the server talks to
// Janus, with the API secret.
import type { MediaBackend, MediaStats, RTCIceServerConfig } from '../backend';
import type { MediaLogger } from '../werift-room';
import { janusConnector } from './connection';
import { JanusRoom } from './janus-room';
import { countVideoRooms } from './server-load';

export type JanusBackendConfig = {
	JANUS_URL: string;
	JANUS_API_SECRET?: string;
	MEDIA_ICE_SERVERS: RTCIceServerConfig[];
	/** How long one Janus request may take (ms); 15 s by default. */
	JANUS_REQUEST_TIMEOUT_MS?: number;
};

export type JanusBackend = MediaBackend & {
	/** The rooms on this Janus server from every node (for placement across several servers). */
	roomsOnServer(): Promise<number>;
};

export function createJanusBackend(config: JanusBackendConfig, logger: MediaLogger): JanusBackend {
	const rooms = new Map<string, JanusRoom>();
	const connector = janusConnector(
		{
			url: config.JANUS_URL.replace(/\/+$/, ''),
			apiSecret: config.JANUS_API_SECRET,
			requestTimeoutMs: config.JANUS_REQUEST_TIMEOUT_MS
		},
		logger,
		() => {
			for (const room of rooms.values()) room.reset();
		}
	);
	const forget = (room: JanusRoom) => {
		if (rooms.get(room.id) === room) rooms.delete(room.id);
	};
	return {
		iceServers: config.MEDIA_ICE_SERVERS,
		room(roomId) {
			let room = rooms.get(roomId);
			if (!room) rooms.set(roomId, (room = new JanusRoom(roomId, connector.connect, logger, forget)));
			return room;
		},
		async closeRoom(roomId) {
			await rooms.get(roomId)?.close();
		},
		roomsOnServer: async () => countVideoRooms(await connector.connect()),
		stats(): MediaStats {
			const total: MediaStats = {
				rooms: rooms.size,
				publishers: 0,
				subscribers: 0,
				tracks: 0,
				packetsReceived: 0,
				packetsForwarded: 0,
				bytesForwarded: 0,
				keyframeRequests: 0,
				retransmissions: 0
			};
			for (const room of rooms.values()) {
				const stats = room.stats();
				for (const key of ['publishers', 'subscribers', 'tracks'] as const) total[key] += stats[key];
			}
			return total;
		},
		async close() {
			await Promise.all([...rooms.values()].map((room) => room.close()));
			await connector.close();
		}
	};
}
