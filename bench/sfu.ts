// `npm run bench -- sfu [--record] [--viewers=10,50,100] [--window=10] [--viewer-processes=2]`: the SFU's cost per viewer.
// A server process (werift SFU + socket.io signalling), a publisher process replaying a recorded
// ~1.4 Mbps VP8 + Opus stream (bench/fixtures/sfu-camera.rtp; --record makes it again from
// Chromium's fake camera), two processes adding headless werift viewers, and one Chromium viewer
// as a canary. For each audience size it reports server CPU per viewer, CPU microseconds per
// forwarded packet, RSS and join-to-first-keyframe p50/p95, plus the canary's frame rate and
// freezes. Everything runs on 127.0.0.1 in a private network namespace (unshare -n, as root).
// Prints one JSON document. SFU_BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FIXTURE_PATH, describeFixture, readFixture } from './_sfu-fixture';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const AUDIENCES = (option('viewers') ?? '10,50,100').split(',').map(Number);
const WINDOW_S = Number(option('window') ?? 10);
/** Headless viewers are spread over this many processes (werift decrypts in JavaScript). */
const VIEWER_PROCESSES = Number(option('viewer-processes') ?? 2);
const PORT = 4301;
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

type Message = { type: string; [key: string]: unknown };

function child(file: string, childArgs: string[], execArgv: string[] = []): ChildProcess {
	return fork(here(file), childArgs, { execArgv: ['--import', 'tsx', ...execArgv], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
}

function next(process: ChildProcess, type: string, timeoutMs = 60_000): Promise<Message> {
	return new Promise((resolve, reject) => {
		const done = () => {
			clearTimeout(timer);
			process.off('message', listener);
			process.off('exit', exited);
		};
		const timer = setTimeout(() => (done(), reject(new Error(`no ${type} from ${process.spawnargs.at(-2)} within ${timeoutMs} ms`))), timeoutMs);
		const exited = (code: number | null) => (done(), reject(new Error(`${process.spawnargs.join(' ')} exited (${code}) before ${type}`)));
		const listener = (message: Message) => {
			if (message.type !== type) return;
			done();
			resolve(message);
		};
		process.on('message', listener);
		process.on('exit', exited);
	});
}

const percentile = (values: number[], p: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const merge = (replies: Message[]) => ({
	packets: replies.reduce((sum, r) => sum + (r.packets as number), 0),
	silent: replies.reduce((sum, r) => sum + (r.silent as number), 0),
	silentStates: replies.flatMap((r) => r.silentStates as string[])
});

type ServerStats = { cpuMicros: number; rss: number; media: { packetsForwarded: number; packetsReceived: number; keyframeRequests: number; retransmissions: number; subscribers: number } };

async function main() {
	const { recordFixture } = await import('./_sfu-record');
	const recorded = args.includes('--record') || !existsSync(FIXTURE_PATH) ? await recordFixture() : undefined;
	const fixture = recorded ?? describeFixture(readFixture());

	const profile = process.env.SFU_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SFU_BENCH_CPU_PROF}`] : [];
	const server = child('./_sfu-server.ts', [], profile);
	await next(server, 'ready');
	const url = `http://127.0.0.1:${PORT}`;
	const stats = async (): Promise<ServerStats> => (await fetch(`${url}/stats`)).json() as Promise<ServerStats>;
	const publisher = child('./_sfu-load.ts', ['publisher', url]);
	const viewerProcesses = Array.from({ length: VIEWER_PROCESSES }, () => child('./_sfu-load.ts', ['viewers', url]));
	/** Sends a request to every viewer process and merges their replies. */
	const ask = async (message: Message, reply: string, timeoutMs?: number) => {
		const replies = viewerProcesses.map((p) => next(p, reply, timeoutMs));
		viewerProcesses.forEach((p, index) => p.send(typeof message.count === 'number' ? { ...message, count: share(message.count, index) } : message));
		return Promise.all(replies);
	};
	const share = (count: number, index: number) => Math.floor(count / VIEWER_PROCESSES) + (index < count % VIEWER_PROCESSES ? 1 : 0);
	const { startBrowserHarness } = await import('./_sfu-browser');
	const { socketTransport } = await import('./_sfu-peers');
	const harness = await startBrowserHarness();
	try {
		await next(publisher, 'ready');
		await Promise.all(viewerProcesses.map((p) => next(p, 'ready')));
		const canary = await harness.open('canary', await socketTransport(url, 'canary'));
		await canary.watch();
		const phases: object[] = [];
		let audience = 0;
		for (const target of AUDIENCES) {
			const addedReplies = await ask({ type: 'add', count: target - audience }, 'added', 150_000);
			const added = {
				joinToKeyframeMs: addedReplies.flatMap((r) => r.joinToKeyframeMs as Array<number | null>),
				failed: addedReplies.reduce((sum, r) => sum + (r.failed as number), 0)
			};
			const previousAudience = audience;
			audience = target;
			const joins = (added.joinToKeyframeMs as Array<number | null>).filter((v): v is number => v !== null);
			await sleep(2_000);
			const [before, canaryBefore] = [await stats(), (await canary.stats())[0]];
			const countsBefore = merge(await ask({ type: 'counts' }, 'counts'));
			await sleep(WINDOW_S * 1000);
			const [after, canaryAfter] = [await stats(), (await canary.stats())[0]];
			const countsAfter = merge(await ask({ type: 'counts' }, 'counts'));
			const cpu = after.cpuMicros - before.cpuMicros;
			const forwarded = after.media.packetsForwarded - before.media.packetsForwarded;
			const received = (countsAfter.packets as number) - (countsBefore.packets as number);
			phases.push({
				viewers: target,
				serverCpuPercentOfOneCore: Number(((cpu / (WINDOW_S * 1e6)) * 100).toFixed(1)),
				serverCpuPercentPerViewer: Number(((cpu / (WINDOW_S * 1e6)) * 100 / (target + 1)).toFixed(2)),
				cpuMicrosPerForwardedPacket: forwarded ? Number((cpu / forwarded).toFixed(1)) : null,
				cpuMicrosPerSentPacketWithRetransmissions: forwarded ? Number((cpu / (forwarded + after.media.retransmissions - before.media.retransmissions)).toFixed(1)) : null,
				forwardedPacketsPerSecond: Math.round(forwarded / WINDOW_S),
				packetsFromPublisherPerSecond: Math.round((after.media.packetsReceived - before.media.packetsReceived) / WINDOW_S),
				retransmittedPackets: after.media.retransmissions - before.media.retransmissions,
				keyframeRequestsToPublisher: after.media.keyframeRequests - before.media.keyframeRequests,
				headlessViewersReceivedPerSecond: Math.round(received / WINDOW_S),
				silentViewers: countsAfter.silent,
				...((countsAfter.silent as number) > 0 ? { silentViewerStates: countsAfter.silentStates } : {}),
				rssMB: Math.round(after.rss / 1e6),
				joinToFirstKeyframeMs: { p50: percentile(joins, 50), p95: percentile(joins, 95), joined: joins.length, of: target - previousAudience, failed: added.failed },
				canary: {
					framesPerSecond: canaryAfter?.framesPerSecond ?? 0,
					decodedFramesPerSecond: Number((((canaryAfter?.framesDecoded ?? 0) - (canaryBefore?.framesDecoded ?? 0)) / WINDOW_S).toFixed(1)),
					freezeCount: (canaryAfter?.freezeCount ?? 0) - (canaryBefore?.freezeCount ?? 0),
					freezeSeconds: Number(((canaryAfter?.totalFreezesDuration ?? 0) - (canaryBefore?.totalFreezesDuration ?? 0)).toFixed(2))
				}
			});
		}
		publisher.send({ type: 'stats' });
		const publisherStats = await next(publisher, 'stats');
		console.log(
			JSON.stringify(
				{
					benchmark: 'sfu',
					fixture: { file: 'bench/fixtures/sfu-camera.rtp', recordedNow: Boolean(recorded), ...fixture },
					windowSeconds: WINDOW_S,
					targetCpuMicrosPerForwardedPacket: 20,
					phases,
					keyframeRequestsAtPublisher: publisherStats.keyframeRequests,
					note: 'serverCpuPercentPerViewer divides by viewers + the canary; CPU is the server process only (user + system)'
				},
				null,
				2
			)
		);
	} finally {
		await harness.close().catch(() => {});
		const children = [...viewerProcesses, publisher, server];
		const exited = children.map((c) => (c.exitCode !== null ? Promise.resolve() : new Promise((resolve) => c.once('exit', resolve))));
		for (const c of children) c.kill('SIGTERM');
		await Promise.race([Promise.all(exited), sleep(10_000)]);
	}
	process.exit(0);
}

if (process.env.SFU_BENCH_IN_NS !== '1') {
	// Re-run this file inside a fresh network namespace where only loopback exists.
	const command = `ip link set lo up && exec "${process.execPath}" --import tsx "${here('./sfu.ts')}" ${args.map((a) => `'${a}'`).join(' ')}`;
	const child = spawn('unshare', ['-n', 'sh', '-c', command], { stdio: 'inherit', env: { ...process.env, SFU_BENCH_IN_NS: '1' } });
	child.on('exit', (code) => process.exit(code ?? 1));
} else {
	await main();
}
