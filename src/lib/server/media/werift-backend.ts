// The MediaBackend on werift: one process-wide registry of live rooms (created on first use), and
// the fan-out worker threads every room's viewers are spread over (MEDIA_WORKERS).
import { availableParallelism } from 'node:os';
import type { MediaBackend, MediaStats, RTCIceServerConfig } from './backend';
import { emptyCounters } from './forwarded-track';
import { portSlices, workerCount } from './fanout-partition';
import { FanoutPool } from './fanout-pool';
import { nativeSend } from './native-srtp';
import type { MediaNetworkConfig } from './peer-config';
import { PortCursor } from './port-cursor';
import { WeriftRoom, type MediaLogger } from './werift-room';

/** MEDIA_WORKERS: fan-out threads; unset → cores − 1 (at least 1), 0 → fan-out on the main thread. */
export type MediaBackendConfig = MediaNetworkConfig & {
	MEDIA_ICE_SERVERS: RTCIceServerConfig[];
	MEDIA_WORKERS?: number;
};

export type WeriftBackend = Omit<MediaBackend, 'room'> & {
	/** The fan-out workers, when there are any (tests kill one through it). */
	readonly pool: FanoutPool | undefined;
	room(roomId: string): WeriftRoom;
};

function createPool(
	config: MediaBackendConfig,
	logger: MediaLogger
): { pool?: FanoutPool; mainConfig: MediaNetworkConfig } {
	const workers = workerCount(config.MEDIA_WORKERS, availableParallelism());
	if (workers === 0) return { mainConfig: config };
	const slices = portSlices(config.MEDIA_PORT_MIN, config.MEDIA_PORT_MAX, workers);
	const withPorts = ([min, max]: [number, number]): MediaNetworkConfig => ({
		...config,
		MEDIA_PORT_MIN: min,
		MEDIA_PORT_MAX: max
	});
	const pool = FanoutPool.create(slices.slice(1).map(withPorts), logger);
	return pool ? { pool, mainConfig: withPorts(slices[0]) } : { mainConfig: config };
}

export function createMediaBackend(config: MediaBackendConfig, logger: MediaLogger): WeriftBackend {
	const rooms = new Map<string, WeriftRoom>();
	const created = createPool(config, logger);
	const pool = created.pool;
	const mainConfig: MediaNetworkConfig = {
		...created.mainConfig,
		portCursor: new PortCursor(created.mainConfig.MEDIA_PORT_MIN, created.mainConfig.MEDIA_PORT_MAX)
	};
	if (!nativeSend && process.env.MEDIA_NATIVE_SEND !== 'off')
		logger.warn(
			{},
			'media: the native send path is not built (node scripts/build-native.js); viewers get the JavaScript path at about 1.4 times the CPU per packet'
		);
	if (pool) {
		pool.onKeyframe = (key, layer) => {
			const [roomId, trackId] = key.split('\n');
			rooms.get(roomId)?.requestKeyframe(trackId, layer);
		};
	}
	/** Counters of rooms already closed, so process totals do not go backwards. */
	const retired = emptyCounters();
	const forget = (room: WeriftRoom) => {
		if (rooms.get(room.id) !== room) return;
		rooms.delete(room.id);
		const stats = room.stats();
		for (const key of Object.keys(retired) as (keyof typeof retired)[]) retired[key] += stats[key];
		pool?.forgetRoom(room.id);
	};
	return {
		pool,
		iceServers: config.MEDIA_ICE_SERVERS,
		simulcast: true,
		room(roomId) {
			let room = rooms.get(roomId);
			if (!room) rooms.set(roomId, (room = new WeriftRoom(roomId, mainConfig, logger, forget, pool)));
			return room;
		},
		async closeRoom(roomId) {
			await rooms.get(roomId)?.close();
		},
		stats(): MediaStats {
			const total: MediaStats = { rooms: rooms.size, publishers: 0, subscribers: 0, tracks: 0, ...retired };
			for (const room of rooms.values()) {
				const stats = room.stats();
				for (const key of [
					'publishers',
					'subscribers',
					'tracks',
					'packetsReceived',
					'packetsForwarded',
					'bytesForwarded',
					'keyframeRequests',
					'retransmissions'
				] as const)
					total[key] += stats[key];
			}
			return total;
		},
		async close() {
			await Promise.all([...rooms.values()].map((room) => room.close()));
			await pool?.close();
		}
	};
}
