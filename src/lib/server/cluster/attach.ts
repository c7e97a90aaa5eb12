// Turns a process into a cluster node when it runs on PostgreSQL: the socket.io PostgreSQL adapter,
// the node's heartbeat and room leases, the fenced SFU, and the refusal of live sockets addressed to
// another node. One call from app/realtime.ts; on PGlite (one process) it does nothing.
import type { Server } from 'socket.io';
import type { Runtime } from '../runtime';
import { liveRoomName } from '../ir/live/broadcast';
import { usePostgresAdapter } from '../realtime/adapter';
import { readClusterConfig } from './config';
import { fenceMediaBackend, type FencedMediaBackend } from './fenced-media';
import { createClusterNode } from './node';
import { routeRecordings } from './recording-route';
import { recordingDeps, rawPrefix } from '../ir/recording/deps';
import { resumeRecordings } from '../ir/recording/service';

/** The address browsers reach this node's media on, as its heartbeat announces it. */
function announcedMediaAddress(runtime: Runtime): string {
	const { MEDIA_ANNOUNCED_IP, MEDIA_LISTEN_IP } = runtime.config;
	return (
		MEDIA_ANNOUNCED_IP ?? (MEDIA_LISTEN_IP === '0.0.0.0' || MEDIA_LISTEN_IP === '::' ? '127.0.0.1' : MEDIA_LISTEN_IP)
	);
}

/**
 * Closes the transports (not the sessions) of this node's sockets in the room, so the clients
 * reconnect by themselves, ask for the room's placement again and land on its owner.
 */
function dropRoomSockets(io: Server<any, any, any, any>, roomId: string): void {
	const namespace = io.of('/');
	for (const socketId of namespace.adapter.rooms.get(liveRoomName(roomId)) ?? [])
		namespace.sockets.get(socketId)?.conn.close();
}

export async function attachCluster(io: Server<any, any, any, any>, runtime: Runtime): Promise<void> {
	if (runtime.database.kind !== 'postgres') return;
	const config = readClusterConfig();
	const adapter = await usePostgresAdapter(io, runtime.config.DATABASE_URL, runtime.logger);
	const media = runtime.media;
	let fenced: FencedMediaBackend | undefined;
	const onLost = (roomId: string, reason: 'lost' | 'handover' = 'lost') => {
		runtime.logger.info({ roomId, nodeId: config.nodeId, reason }, 'room lease gone');
		// A handed-over room's media keeps flowing while its clients build their new legs elsewhere.
		if (reason === 'handover') fenced?.keepForHandover(roomId);
		// Sockets first: a media request sent while the room closes would otherwise wait for an answer that never comes.
		dropRoomSockets(io, roomId);
		// Its recording goes on in new files on the new owner (onAcquired there).
		void runtime.recordings
			?.stopRoom(roomId)
			.catch((error) => runtime.logger.warn({ err: error, roomId }, 'recording: files not closed on lease loss'));
		if (reason === 'lost') void media?.closeRoom(roomId).catch(() => {});
	};
	// A room whose lease this node takes (placement, failover, handover) resumes its running recording here.
	const onAcquired = (roomId: string) => {
		void resumeRecordings(runtime.database.db, recordingDeps(runtime), roomId).catch((error) =>
			runtime.logger.warn({ err: error, roomId }, 'recording: not resumed on the new owner')
		);
	};
	const node = createClusterNode({
		...config,
		db: runtime.database.db,
		mediaAddress: announcedMediaAddress(runtime),
		logger: runtime.logger,
		onLost,
		onAcquired
	});
	await node.start();
	if (media) runtime.media = fenced = fenceMediaBackend(media, node, onLost);
	if (runtime.recordings) {
		const store = recordingDeps(runtime).store;
		const hosts = (roomId: string) => node.heldVersion(roomId) !== undefined;
		runtime.recordings.useRoute(
			routeRecordings(io, {
				recordings: runtime.recordings,
				media: () => runtime.media,
				hosts,
				workDir: (id) => store.workDir(rawPrefix(id)),
				logger: runtime.logger
			})
		);
	}
	// The live page opens its socket with ?node=<owner>, which the proxy routes to that node; one
	// that arrives elsewhere (stale placement) is refused, and the client asks again.
	io.use((socket, next) => {
		const wanted = socket.handshake.query.node;
		if (typeof wanted === 'string' && wanted !== '' && wanted !== config.nodeId) next(new Error('wrong_node'));
		else next();
	});
	runtime.cluster = node;
	// Not ready while the heartbeat cannot be renewed: the proxy stops sending this node traffic.
	runtime.readiness.push({ name: 'cluster', run: () => (node.ready() ? 'ok' : 'no_heartbeat') });
	// Before socket.io closes: the rooms move while their sockets can still be told to reconnect.
	runtime.stopWorkers.unshift(async () => {
		// Safe to reach twice (a second signal): the first call takes the node off the runtime.
		const leaving = runtime.cluster;
		runtime.cluster = undefined;
		await leaving?.handOver();
	});
	if (adapter) runtime.stopWorkers.push(() => adapter.close());
	runtime.logger.info({ nodeId: config.nodeId, mediaAddress: node.mediaAddress }, 'cluster node started');
}
