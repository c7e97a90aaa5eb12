// The SFU benchmark's werift server process (started by startWeriftBench in _sfu-server.ts): the
// werift backend and socket.io signalling (the same registerMediaSignalling the portal uses) on
// 127.0.0.1, plus GET /stats with the backend's counters. MEDIA_WORKERS picks the fan-out threads.
// `node --cpu-prof` friendly: it exits on SIGTERM.
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { createMediaBackend } from '../src/lib/server/media/werift-backend';
import { registerMediaSignalling } from '../src/lib/server/media/signalling';

const port = Number(process.env.SFU_BENCH_PORT ?? 5510);
const [portMin, portMax] = (process.env.SFU_BENCH_MEDIA_PORTS ?? '41000-41499').split('-').map(Number);
const backend = createMediaBackend(
	{ MEDIA_LISTEN_IP: '127.0.0.1', MEDIA_PORT_MIN: portMin, MEDIA_PORT_MAX: portMax, MEDIA_ICE_SERVERS: [] },
	{ warn: (context, message) => console.error(message, context), debug: () => {} }
);
const room = backend.room('bench');

const http = createServer((req, res) => {
	if (req.url !== '/stats') return void res.writeHead(404).end();
	const cpu = process.cpuUsage();
	res
		.writeHead(200, { 'content-type': 'application/json' })
		.end(JSON.stringify({ cpuMicros: cpu.user + cpu.system, rss: process.memoryUsage().rss, media: backend.stats() }));
});
const io = new Server(http, { serveClient: false });
io.on('connection', (socket) => {
	const peerId = String(socket.handshake.query.peerId ?? '');
	const dispose = registerMediaSignalling(socket, {
		room,
		peerId,
		canPublish: () => true,
		canSubscribe: () => true,
		locale: () => 'en'
	});
	socket.on('disconnect', () => {
		dispose();
		void room.leave(peerId);
	});
});
http.listen(port, '127.0.0.1', () => process.send?.({ type: 'ready', port }));

const stop = async () => {
	io.close();
	await backend.close();
	process.exit(0);
};
process.on('SIGTERM', stop);
process.on('disconnect', stop);
