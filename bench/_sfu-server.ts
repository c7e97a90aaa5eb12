// The SFU benchmark's server side, pluggable by backend name. A backend starter returns a
// BenchMediaServer; the benchmark measures it only through this shape, so werift and Janus are
// measured the same way on the same recorded stream.
//
// CONTRACT for a backend starter (werift: startWeriftBench below; Janus: startJanusBenchServer below,
// whose process runs Debian's Janus through bench/_sfu-janus.ts):
// - `url`: an http://127.0.0.1:<port> origin serving socket.io with the portal's media signalling
//   (registerMediaSignalling from src/lib/server/media/signalling.ts) for ONE room. A client
//   connects with `query: { peerId }`; every peer may publish and subscribe; a disconnect leaves.
// - `pids`: every process whose CPU time and RSS count as the server's (the Node signalling process
//   AND, for Janus, the janus process). The benchmark reads /proc/<pid>/stat and /status itself.
// - `stats()` (optional): the backend's counters; `packetsForwarded` is the denominator of
//   "µs per forwarded packet". Without it the benchmark divides by the packets its viewers counted.
// - `stop()`: ends every process the starter started; resolves when they are gone.
// Everything listens on 127.0.0.1 inside the benchmark's network namespace (unshare -n).
import { fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type BenchServerOptions = {
	/** TCP port of the socket.io signalling. */
	port: number;
	/** UDP ports the media server may use. */
	mediaPorts: [number, number];
	/** werift only: fan-out worker threads (MEDIA_WORKERS); undefined = the backend's default. */
	workers?: number;
	/** Extra `node` flags for the server process (e.g. --cpu-prof). */
	execArgv?: string[];
};

export type BenchServerCounters = {
	packetsForwarded: number;
	packetsReceived: number;
	retransmissions: number;
	keyframeRequests: number;
	subscribers: number;
};

export type BenchMediaServer = {
	/** 'werift' | 'janus' */
	backend: string;
	url: string;
	/** The address the load generator's werift peers gather on (Janus: its veth's, 127.0.0.2). */
	peerAddress?: string;
	pids: number[];
	stats?(): Promise<BenchServerCounters>;
	stop(): Promise<void>;
};

export type BenchServerStarter = (opts: BenchServerOptions) => Promise<BenchMediaServer>;

const TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

/** CPU time (user + system, µs) of every thread of `pids`, by `<pid>/<tid> <name>`, from /proc. */
export function threadUsage(pids: number[]): Map<string, number> {
	const threads = new Map<string, number>();
	for (const pid of pids) {
		let tids: string[] = [];
		try {
			tids = readdirSync(`/proc/${pid}/task`);
		} catch {
			continue; // the process has exited
		}
		for (const tid of tids) {
			try {
				const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
				const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
				const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
				threads.set(`${pid}/${tid} ${name}`, ((Number(fields[11]) + Number(fields[12])) * 1e6) / TICKS_PER_SECOND);
			} catch {
				// the thread has exited
			}
		}
	}
	return threads;
}

/** CPU time (user + system, and system alone, µs) and RSS (bytes) summed over `pids`, from /proc; gone processes count 0. */
export function processUsage(pids: number[]): { cpuMicros: number; systemMicros: number; rss: number } {
	let cpuMicros = 0;
	let systemMicros = 0;
	let rss = 0;
	for (const pid of pids) {
		try {
			// Fields after the command name (which may hold spaces) start at state: utime is the 12th of them.
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			cpuMicros += ((Number(fields[11]) + Number(fields[12])) * 1e6) / TICKS_PER_SECOND;
			systemMicros += (Number(fields[12]) * 1e6) / TICKS_PER_SECOND;
			const vmRss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
			rss += vmRss ? Number(vmRss[1]) * 1024 : 0;
		} catch {
			// The process has exited.
		}
	}
	return { cpuMicros, systemMicros, rss };
}

/** A bench server process (`file`) that reports `{ type: 'ready' }` and serves GET /stats on `opts.port`. */
async function forkBenchServer(file: string, backend: string, opts: BenchServerOptions, env: NodeJS.ProcessEnv) {
	const child = fork(fileURLToPath(new URL(file, import.meta.url)), [], {
		execArgv: ['--import', 'tsx', ...(opts.execArgv ?? [])],
		stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
		env: { ...process.env, SFU_BENCH_PORT: String(opts.port), SFU_BENCH_MEDIA_PORTS: opts.mediaPorts.join('-'), ...env }
	});
	const ready = await new Promise<{ janusPid?: number }>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`${backend} bench server did not start within 60 s`)), 60_000);
		child.once('exit', (code) => reject(new Error(`${backend} bench server exited (${code})`)));
		child.on('message', (message: { type?: string; janusPid?: number }) => {
			if (message.type !== 'ready') return;
			clearTimeout(timer);
			resolve(message);
		});
	});
	const url = `http://127.0.0.1:${opts.port}`;
	return {
		backend,
		url,
		pids: [child.pid!, ...(ready.janusPid ? [ready.janusPid] : [])],
		async stats() {
			const body = (await (await fetch(`${url}/stats`)).json()) as { media: BenchServerCounters };
			return body.media;
		},
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
		}
	};
}

/** The werift SFU in its own process (bench/_sfu-werift.ts). */
export const startWeriftBench: BenchServerStarter = (opts) =>
	forkBenchServer(
		'./_sfu-werift.ts',
		'werift',
		opts,
		opts.workers !== undefined ? { MEDIA_WORKERS: String(opts.workers) } : {}
	);

/** Janus with the portal's Janus backend and signalling in front (bench/_sfu-janus-server.ts). */
export const startJanusBenchServer: BenchServerStarter = async (opts) => ({
	...(await forkBenchServer('./_sfu-janus-server.ts', 'janus', opts, {})),
	peerAddress: '127.0.0.2'
});

/** werift with its JavaScript send path (MEDIA_NATIVE_SEND=off): the baseline of the native one, in the same run. */
export const startWeriftJsBench: BenchServerStarter = async (opts) => ({
	...(await forkBenchServer('./_sfu-werift.ts', 'werift-js', opts, {
		MEDIA_NATIVE_SEND: 'off',
		...(opts.workers !== undefined ? { MEDIA_WORKERS: String(opts.workers) } : {})
	}))
});

/** The starter for `--backend=<name>`, or a reason why it is not available. */
export async function benchServerStarter(name: string): Promise<BenchServerStarter | { unavailable: string }> {
	if (name === 'werift') return startWeriftBench;
	if (name === 'werift-js') return startWeriftJsBench;
	if (name === 'janus') {
		const { janusUnavailableReason } = await import('../tests/support/janus');
		const reason = janusUnavailableReason();
		return reason ? { unavailable: reason } : startJanusBenchServer;
	}
	return { unavailable: `unknown backend ${JSON.stringify(name)} (werift, werift-js, janus)` };
}
