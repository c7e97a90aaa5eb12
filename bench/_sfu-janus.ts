// The SFU benchmark's Janus side: `startJanusBench(opts)` starts Debian's Janus with deploy/janus/
// (tests/support/janus.ts; inside the benchmark's network namespace, which needs Janus's veth:
// JANUS_NETNS_SETUP) and returns
//
//   { pids: number[]            the Janus process, whose CPU time is the server's CPU on this backend,
//     backend: MediaBackend     the portal's Janus backend connected to it (give its room() to the
//                               same socket.io signalling as the werift server process),
//     peerAddress: string       the address the load generator's peers must gather on (127.0.0.2),
//     counters(): Promise<JanusCounters>   packets/bytes Janus received and sent, from its admin API,
//     stop(): Promise<void> }
//
// so the lead's glue (bench/sfu.ts, `--backend=werift,janus`) can treat it like the werift server.
// Janus's CPU per forwarded packet = Δ cpuMicros(pids) / Δ counters().packetsSent.
// `npx tsx bench/_sfu-janus.ts [--viewers=N] [--seconds=S]` inside `unshare -n` (after the veth
// setup) runs a tiny self-check with werift peers and prints JSON.
import { readFileSync } from 'node:fs';
import type { MediaBackend } from '../src/lib/server/media/backend';
import { createJanusBackend } from '../src/lib/server/media/janus/janus-backend';
import { JANUS_PEER_ADDRESS, startJanus, type StartJanusOptions } from '../tests/support/janus';

export type JanusCounters = { packetsReceived: number; packetsSent: number; bytesSent: number; handles: number };
export type JanusBench = {
	pids: number[];
	backend: MediaBackend;
	peerAddress: string;
	counters(): Promise<JanusCounters>;
	stop(): Promise<void>;
};

export async function startJanusBench(
	opts: StartJanusOptions & { log?: (message: string) => void } = {}
): Promise<JanusBench> {
	const janus = await startJanus({ ...opts, adminApi: true, debugLevel: opts.debugLevel ?? 2 });
	const log = opts.log ?? ((message: string) => console.error(message));
	const backend = createJanusBackend(
		{ JANUS_URL: janus.url, JANUS_API_SECRET: janus.apiSecret, MEDIA_ICE_SERVERS: [] },
		{ warn: (context, message) => log(`${message} ${JSON.stringify(context)}`), debug: () => {} }
	);
	const admin = async (request: Record<string, unknown>, path = '') => {
		const response = await fetch(`${janus.adminUrl}${path}`, {
			method: 'POST',
			body: JSON.stringify({ transaction: 'bench', admin_secret: janus.adminSecret, ...request })
		});
		return (await response.json()) as Record<string, any>;
	};
	return {
		pids: [janus.pid],
		backend,
		peerAddress: JANUS_PEER_ADDRESS,
		async counters() {
			const total: JanusCounters = { packetsReceived: 0, packetsSent: 0, bytesSent: 0, handles: 0 };
			for (const session of (await admin({ janus: 'list_sessions' })).sessions ?? []) {
				for (const handle of (await admin({ janus: 'list_handles' }, `/${session}`)).handles ?? []) {
					const info = (await admin({ janus: 'handle_info' }, `/${session}/${handle}`)).info;
					total.handles++;
					sumStats(info, total);
				}
			}
			return total;
		},
		async stop() {
			await backend.close();
			await janus.stop();
		}
	};
}

/** Adds the RTP counters of every m-line of a handle (`info.webrtc.media[mid].stats.in|out`, Janus 1.1). */
function sumStats(info: any, total: JanusCounters) {
	for (const medium of Object.values<any>(info?.webrtc?.media ?? {})) {
		total.packetsReceived += Number(medium?.stats?.in?.packets ?? 0);
		total.packetsSent += Number(medium?.stats?.out?.packets ?? 0);
		total.bytesSent += Number(medium?.stats?.out?.bytes ?? 0);
	}
}

/** user + system CPU time of a process, in µs (from /proc; clock ticks are 100 Hz on Linux). */
export function processCpuMicros(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

async function selfCheck() {
	const arg = (name: string, fallback: number) =>
		Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
	const viewers = arg('viewers', 5);
	const seconds = arg('seconds', 5);
	const { LOOPBACK, TestPublisher, TestViewer } = await import('../tests/integration/media-support');
	LOOPBACK.iceAdditionalHostAddresses = [JANUS_PEER_ADDRESS];
	LOOPBACK.iceInterfaceAddresses.udp4 = JANUS_PEER_ADDRESS;
	const bench = await startJanusBench();
	const room = bench.backend.room('bench');
	const peers: Array<InstanceType<typeof TestViewer>> = [];
	room.on('offer', (peerId, offer) => void peers.find((p) => p.peerId === peerId)?.answer(room, offer));
	const publisher = new TestPublisher('speaker');
	try {
		await publisher.publish(room);
		publisher.start();
		for (let i = 0; i < viewers; i++) {
			const viewer = new TestViewer(`viewer-${i}`);
			peers.push(viewer);
			await viewer.join(room);
		}
		await new Promise((done) => setTimeout(done, 1000));
		const [cpu0, counters0] = [processCpuMicros(bench.pids[0]), await bench.counters()];
		await new Promise((done) => setTimeout(done, seconds * 1000));
		const [cpu1, counters1] = [processCpuMicros(bench.pids[0]), await bench.counters()];
		const forwarded = counters1.packetsSent - counters0.packetsSent;
		console.log(
			JSON.stringify({
				backend: 'janus',
				viewers,
				seconds,
				handles: counters1.handles,
				packetsForwarded: forwarded,
				viewersReceivedVideo: peers.filter((p) => p.video().length > 0).length,
				janusCpuMicros: cpu1 - cpu0,
				cpuMicrosPerForwardedPacket: forwarded > 0 ? Number(((cpu1 - cpu0) / forwarded).toFixed(2)) : null,
				percentOfCore: Number((((cpu1 - cpu0) / (seconds * 1e6)) * 100).toFixed(1))
			})
		);
	} finally {
		for (const peer of peers) await peer.close();
		await publisher.close();
		await bench.stop();
	}
}

if (process.argv[1]?.endsWith('_sfu-janus.ts')) await selfCheck();
