// The SFU benchmark's Janus server process (started by startJanusBenchServer in _sfu-server.ts): Debian's
// Janus (bench/_sfu-janus.ts, deploy/janus/), the portal's Janus backend on it, and the same socket.io
// signalling (registerMediaSignalling) the werift bench server and the portal use, on 127.0.0.1; plus
// GET /stats with what Janus forwarded (its admin API). Tells its parent Janus's pid, whose CPU time
// counts as the server's beside this process's. Needs the namespace's veth (JANUS_NETNS_SETUP).
import { serveBenchSignalling } from './_sfu-signalling';
import { startJanusBench } from './_sfu-janus';
import type { BenchServerCounters } from './_sfu-server';

const port = Number(process.env.SFU_BENCH_PORT ?? 5511);
const rtpPortRange = process.env.SFU_BENCH_MEDIA_PORTS ?? '42000-42999';
const bench = await startJanusBench({ httpPort: 5618, adminPort: 5619, rtpPortRange, log: (m) => console.error(m) });
const room = bench.backend.room('bench');

serveBenchSignalling({
	port,
	room,
	stats: async () => {
		const counters = await bench.counters();
		const media: BenchServerCounters = {
			packetsForwarded: counters.packetsSent,
			packetsReceived: counters.packetsReceived,
			retransmissions: 0,
			keyframeRequests: 0,
			subscribers: Math.max(0, counters.handles - 1)
		};
		return { media };
	},
	ready: { janusPid: bench.pids[0] },
	close: () => bench.stop()
});
