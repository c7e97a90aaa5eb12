// The SFU benchmark's werift server process (started by startWeriftBench in _sfu-server.ts): the
// werift backend and socket.io signalling (the same registerMediaSignalling the portal uses) on
// 127.0.0.1, plus GET /stats with the backend's counters. MEDIA_WORKERS picks the fan-out threads.
// `node --cpu-prof` friendly: it exits on SIGTERM.
import { createMediaBackend } from '../src/lib/server/media/werift-backend';
import { serveBenchSignalling } from './_sfu-signalling';

const port = Number(process.env.SFU_BENCH_PORT ?? 5510);
const [portMin, portMax] = (process.env.SFU_BENCH_MEDIA_PORTS ?? '41000-41999').split('-').map(Number);
const workers = process.env.MEDIA_WORKERS;
const backend = createMediaBackend(
	{
		MEDIA_LISTEN_IP: '127.0.0.1',
		MEDIA_PORT_MIN: portMin,
		MEDIA_PORT_MAX: portMax,
		MEDIA_ICE_SERVERS: [],
		MEDIA_WORKERS: workers === undefined ? undefined : Number(workers)
	},
	{ warn: (context, message) => console.error(message, context), debug: () => {} }
);
const room = backend.room('bench');

serveBenchSignalling({
	port,
	room,
	stats: () => {
		const cpu = process.cpuUsage();
		return { cpuMicros: cpu.user + cpu.system, rss: process.memoryUsage().rss, media: backend.stats() };
	},
	close: () => backend.close()
});
