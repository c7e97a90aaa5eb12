// `npm run bench -- sfu [--backend=werift,janus,werift-js] [--viewers=10,50,100] [--window=10]
//   [--viewer-processes=2] [--full-viewers=3] [--workers=N] [--record]`: the SFU's cost per viewer,
// per backend, on the same recorded stream. For each backend: its server (bench/_sfu-server.ts,
// BenchMediaServer), a publisher process replaying a recorded ~1.4 Mbps VP8 + Opus stream
// (bench/fixtures/sfu-camera.rtp; --record makes it again from Chromium's fake camera), viewer
// processes adding light headless viewers (full ICE/DTLS/SRTP, but only a sample of packets
// authenticated; --full-viewers of them authenticate everything), and one Chromium canary. Per
// audience: server CPU µs per forwarded packet, % of a core, RSS, join → keyframe p50/p95, silent
// viewers, canary fps/freezes; and werift/janus per audience (werift-js: werift with its JavaScript
// send path, and native/JavaScript per audience). Everything runs on 127.0.0.1 in a
// private network namespace (unshare -n, as root). Prints one JSON document.
// SFU_BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the werift server.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FIXTURE_PATH, describeFixture, readFixture } from './_sfu-fixture';
import { JANUS_NETNS_SETUP } from '../tests/support/janus';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const BACKENDS = (option('backend') ?? 'werift').split(',');
const BENCH_NEEDS_JANUS_VETH = BACKENDS.includes('janus');
const AUDIENCES = (option('viewers') ?? '10,50,100').split(',').map(Number);
const WINDOW_S = Number(option('window') ?? 10);
const VIEWER_PROCESSES = Number(option('viewer-processes') ?? 2);
const FULL_VIEWERS = Number(option('full-viewers') ?? 3);
const WORKERS = option('workers');
/**
 * TCP and UDP ports per backend (inside the namespace). One UDP port per peer connection, and the
 * werift server splits its range between the main thread and each fan-out worker: 1,000 ports
 * leave 500 for a worker's viewers (with 500, the 300-viewer phase ran out of ports at 250).
 */
const PORTS: Record<string, { port: number; mediaPorts: [number, number] }> = {
	werift: { port: 5510, mediaPorts: [41000, 41999] },
	janus: { port: 5511, mediaPorts: [42000, 42999] },
	'werift-js': { port: 5512, mediaPorts: [43000, 43999] }
};

async function main() {
	const { recordFixture } = await import('./_sfu-record');
	const recorded = args.includes('--record') || !existsSync(FIXTURE_PATH) ? await recordFixture() : undefined;
	const fixture = recorded ?? describeFixture(readFixture());
	const { benchServerStarter } = await import('./_sfu-server');
	const { runBackend } = await import('./_sfu-run');
	const { startBrowserHarness } = await import('./_sfu-browser');
	const harness = await startBrowserHarness();
	const results: Record<string, object> = {};
	try {
		for (const name of BACKENDS) {
			const starter = await benchServerStarter(name);
			if ('unavailable' in starter) {
				results[name] = { available: false, reason: starter.unavailable };
				continue;
			}
			const profile = process.env.SFU_BENCH_CPU_PROF
				? ['--cpu-prof', `--cpu-prof-dir=${process.env.SFU_BENCH_CPU_PROF}`]
				: [];
			const server = await starter({
				...(PORTS[name] ?? PORTS.werift),
				workers: WORKERS === undefined ? undefined : Number(WORKERS),
				execArgv: profile
			});
			try {
				results[name] = {
					available: true,
					...(await runBackend(server, harness, {
						audiences: AUDIENCES,
						windowS: WINDOW_S,
						viewerProcesses: VIEWER_PROCESSES,
						fullViewers: FULL_VIEWERS
					}))
				};
			} catch (error) {
				results[name] = { available: true, failed: (error as Error).message };
			} finally {
				await server.stop();
			}
		}
	} finally {
		await harness.close().catch(() => {});
	}
	console.log(
		JSON.stringify(
			{
				benchmark: 'sfu',
				fixture: { file: 'bench/fixtures/sfu-camera.rtp', recordedNow: Boolean(recorded), ...fixture },
				windowSeconds: WINDOW_S,
				targetCpuMicrosPerForwardedPacket: 12,
				backends: results,
				weriftOverJanus: ratios(results, 'werift', 'janus'),
				weriftNativeOverJavaScriptSendPath: ratios(results, 'werift', 'werift-js'),
				note: 'CPU and RSS are the server processes only (BenchMediaServer.pids; user + system from /proc)'
			},
			null,
			2
		)
	);
	process.exit(0);
}

type Phase = { viewers: number; cpuMicrosPerForwardedPacket: number | null };
/** `name` ÷ `base` CPU per forwarded packet, per audience both measured. */
function ratios(results: Record<string, object>, name: string, base: string) {
	const phases = (backend: string) => (results[backend] as { phases?: Phase[] } | undefined)?.phases ?? [];
	const out: Record<string, number | null> = {};
	for (const phase of phases(name)) {
		const other = phases(base).find((p) => p.viewers === phase.viewers);
		if (!other) continue;
		out[`viewers_${phase.viewers}`] =
			phase.cpuMicrosPerForwardedPacket && other.cpuMicrosPerForwardedPacket
				? Number((phase.cpuMicrosPerForwardedPacket / other.cpuMicrosPerForwardedPacket).toFixed(2))
				: null;
	}
	return Object.keys(out).length ? out : `not measured (needs --backend=${name},${base})`;
}

if (process.env.SFU_BENCH_IN_NS !== '1') {
	// Re-run this file inside a fresh network namespace where only loopback exists.
	// Janus gathers ICE candidates only on an interface not flagged loopback: a veth that exists only here.
	const setup = BENCH_NEEDS_JANUS_VETH ? JANUS_NETNS_SETUP : 'ip link set lo up';
	const command = `${setup} && exec "${process.execPath}" --import tsx "${fileURLToPath(import.meta.url)}" ${args.map((a) => `'${a}'`).join(' ')}`;
	const child = spawn('unshare', ['-n', 'sh', '-c', command], {
		stdio: 'inherit',
		env: { ...process.env, SFU_BENCH_IN_NS: '1' }
	});
	child.on('exit', (code) => process.exit(code ?? 1));
} else {
	await main();
}
