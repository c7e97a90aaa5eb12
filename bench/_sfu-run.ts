// One backend's run of the SFU benchmark: the server (a BenchMediaServer), a publisher process
// replaying the fixture, viewer processes adding headless viewers, and the Chromium canary; for
// each audience size it measures the server's CPU per forwarded packet, RSS, join → keyframe and
// silent viewers over a window. Used by bench/sfu.ts, once per --backend.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BrowserHarness } from './_sfu-browser';
import { socketTransport } from './_sfu-peers';
import { processUsage, threadUsage, type BenchMediaServer } from './_sfu-server';

export type RunOptions = { audiences: number[]; windowS: number; viewerProcesses: number; fullViewers: number };
type Message = { type: string; [key: string]: unknown };

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const percentile = (values: number[], p: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null;
};

function child(file: string, childArgs: string[], peerAddress = '127.0.0.1'): ChildProcess {
	return fork(here(file), childArgs, {
		execArgv: ['--import', 'tsx'],
		stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
		env: { ...process.env, SFU_BENCH_PEER_ADDRESS: peerAddress }
	});
}

export function next(process: ChildProcess, type: string, timeoutMs = 60_000): Promise<Message> {
	return new Promise((resolve, reject) => {
		const done = () => {
			clearTimeout(timer);
			process.off('message', listener);
			process.off('exit', exited);
		};
		const timer = setTimeout(
			() => (done(), reject(new Error(`no ${type} from ${process.spawnargs.at(-2)} within ${timeoutMs} ms`))),
			timeoutMs
		);
		const exited = (code: number | null) => (
			done(),
			reject(new Error(`${process.spawnargs.join(' ')} exited (${code}) before ${type}`))
		);
		const listener = (message: Message) => {
			if (message.type !== type) return;
			done();
			resolve(message);
		};
		process.on('message', listener);
		process.on('exit', exited);
	});
}

/** Each thread's share of one core between two readings, the busiest first, those above 1 %. */
function busyThreads(before: Map<string, number>, after: Map<string, number>, seconds: number) {
	return [...after]
		.map(([thread, micros]) => ({ thread, percent: ((micros - (before.get(thread) ?? 0)) / (seconds * 1e6)) * 100 }))
		.filter((t) => t.percent > 1)
		.sort((a, b) => b.percent - a.percent)
		.map((t) => `${t.thread}: ${t.percent.toFixed(1)}`);
}

/** p50/p95 of each join stage over the viewers the replies added. */
function joinStages(replies: Message[]) {
	const stages = replies.flatMap((r) => (r.stagesMs as Array<Record<string, number | undefined>>) ?? []);
	const out: Record<string, [number | null, number | null]> = {};
	for (const stage of ['offer', 'answered', 'connected']) {
		const values = stages.map((s) => s[stage]).filter((v): v is number => v !== undefined);
		out[stage] = [percentile(values, 50), percentile(values, 95)];
	}
	return out;
}

const sum = (replies: Message[], key: string) => replies.reduce((total, r) => total + (r[key] as number), 0);

export async function runBackend(server: BenchMediaServer, harness: BrowserHarness, options: RunOptions) {
	const publisher = child('./_sfu-load.ts', ['publisher', server.url], server.peerAddress);
	const viewerProcesses = Array.from({ length: options.viewerProcesses }, () =>
		child('./_sfu-load.ts', ['viewers', server.url], server.peerAddress)
	);
	const share = (count: number, index: number) =>
		Math.floor(count / viewerProcesses.length) + (index < count % viewerProcesses.length ? 1 : 0);
	/** Sends a request to every viewer process (splitting `count` and `full`) and collects the replies. */
	const ask = (message: Message, reply: string, timeoutMs?: number) => {
		const replies = viewerProcesses.map((p) => next(p, reply, timeoutMs));
		viewerProcesses.forEach((p, i) =>
			p.send(
				typeof message.count === 'number'
					? { ...message, count: share(message.count, i), full: share(message.full as number, i) }
					: message
			)
		);
		return Promise.all(replies);
	};
	const usage = async () => ({
		...processUsage(server.pids),
		threads: threadUsage(server.pids),
		at: process.hrtime.bigint(),
		counters: await server.stats?.()
	});
	try {
		await next(publisher, 'ready');
		await Promise.all(viewerProcesses.map((p) => next(p, 'ready')));
		const canary = await harness.open(
			`canary-${server.backend}`,
			await socketTransport(server.url, `canary-${server.backend}`)
		);
		await canary.watch();
		const phases: object[] = [];
		let audience = 0;
		let fullSoFar = 0;
		for (const target of options.audiences) {
			const full = Math.max(0, Math.min(options.fullViewers, target) - fullSoFar);
			fullSoFar += full;
			const added = await ask({ type: 'add', count: target - audience, full }, 'added', 300_000);
			const joins = added
				.flatMap((r) => r.joinToKeyframeMs as Array<number | null>)
				.filter((v): v is number => v !== null);
			const previous = audience;
			audience = target;
			await sleep(2_000);
			const [before, canaryBefore, countsBefore] = [
				await usage(),
				(await canary.stats())[0],
				await ask({ type: 'counts' }, 'counts')
			];
			await sleep(options.windowS * 1000);
			const [after, canaryAfter, countsAfter] = [
				await usage(),
				(await canary.stats())[0],
				await ask({ type: 'counts' }, 'counts')
			];
			const seconds = Number(after.at - before.at) / 1e9;
			const cpu = after.cpuMicros - before.cpuMicros;
			const counted = sum(countsAfter, 'packets') - sum(countsBefore, 'packets');
			const forwarded =
				after.counters && before.counters
					? after.counters.packetsForwarded - before.counters.packetsForwarded
					: counted;
			const silent = countsAfter.flatMap((r) => r.silentStates as string[]);
			phases.push({
				viewers: target,
				cpuMicrosPerForwardedPacket: forwarded ? Number((cpu / forwarded).toFixed(1)) : null,
				/** The kernel's part of it (UDP send; on loopback also the receiving side's delivery and wake-up). */
				systemMicrosPerForwardedPacket: forwarded
					? Number(((after.systemMicros - before.systemMicros) / forwarded).toFixed(1))
					: null,
				serverCpuPercentOfOneCore: Number(((cpu / (seconds * 1e6)) * 100).toFixed(1)),
				/** % of one core per server thread (those above 1 %): how the work spreads over the cores. */
				serverThreadsPercentOfOneCore: busyThreads(before.threads, after.threads, seconds),
				rssMB: Math.round(after.rss / 1e6),
				forwardedPacketsPerSecond: Math.round(forwarded / seconds),
				forwardedCountedBy: after.counters ? 'server' : 'viewers',
				viewersReceivedPerSecond: Math.round(counted / seconds),
				packetsFromPublisherPerSecond:
					after.counters && before.counters
						? Math.round((after.counters.packetsReceived - before.counters.packetsReceived) / seconds)
						: null,
				retransmittedPackets:
					after.counters && before.counters ? after.counters.retransmissions - before.counters.retransmissions : null,
				silentViewers: silent.length,
				...(silent.length > 0 ? { silentViewerStates: silent.slice(0, 20) } : {}),
				joinToFirstKeyframeMs: {
					p50: percentile(joins, 50),
					p95: percentile(joins, 95),
					/** Where the join's time goes: the server's offer, the answer accepted, ICE + DTLS connected (p50/p95). */
					stages: joinStages(added),
					joined: joins.length,
					of: target - previous,
					failed: sum(added, 'failed')
				},
				viewersAuthenticatingEveryPacket: fullSoFar,
				canary: {
					framesPerSecond: canaryAfter?.framesPerSecond ?? 0,
					decodedFramesPerSecond: Number(
						(((canaryAfter?.framesDecoded ?? 0) - (canaryBefore?.framesDecoded ?? 0)) / seconds).toFixed(1)
					),
					freezeCount: (canaryAfter?.freezeCount ?? 0) - (canaryBefore?.freezeCount ?? 0),
					freezeSeconds: Number(
						((canaryAfter?.totalFreezesDuration ?? 0) - (canaryBefore?.totalFreezesDuration ?? 0)).toFixed(2)
					)
				},
				sampledPacketsNotAuthenticated: sum(countsAfter, 'authFailures')
			});
		}
		await canary.close().catch(() => {});
		return { phases };
	} finally {
		const children = [...viewerProcesses, publisher];
		const exited = children.map((c) =>
			c.exitCode !== null ? Promise.resolve() : new Promise((resolve) => c.once('exit', resolve))
		);
		for (const c of children) c.kill('SIGTERM');
		await Promise.race([Promise.all(exited), sleep(10_000)]);
	}
}
