// Starts Debian's Janus for tests and benchmarks with the configuration kept in deploy/janus/ (its
// @NAME@ placeholders filled in, fresh secrets), waits for its API, and stops it again. Janus only
// gathers ICE candidates on an interface not flagged loopback: inside a private network namespace,
// `JANUS_NETNS_SETUP` gives it one (a veth pair that exists only there, carrying 127.0.0.2). libnice
// then pins its sockets to that interface (IP_UNICAST_IF), so sending to 127.0.0.1 fails with EINVAL:
// the peers that talk to Janus must use 127.0.0.2 as well (JANUS_PEER_ADDRESS).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Shell commands run inside `unshare -n` before the tests: loopback up, and Janus's own interface. */
export const JANUS_NETNS_SETUP =
	'ip link set lo up && ip link add mc0 type veth peer name mc1 && ip addr add 127.0.0.2/8 dev mc0 && ip link set mc0 up && ip link set mc1 up';
export const JANUS_INTERFACE = 'mc0';
/** The address Janus and its test peers (werift, Chromium) exchange media on. */
export const JANUS_PEER_ADDRESS = '127.0.0.2';

export type RunningJanus = {
	url: string;
	adminUrl: string;
	apiSecret: string;
	adminSecret: string;
	pid: number;
	logFile: string;
	stop(): Promise<void>;
};
export type StartJanusOptions = {
	httpPort?: number;
	adminPort?: number;
	rtpPortRange?: string;
	debugLevel?: number;
	/** Opens the admin API on 127.0.0.1:adminPort/admin (the benchmark reads Janus's packet counters there). */
	adminApi?: boolean;
};

/** Why Janus tests cannot run here (undefined when they can). */
export function janusUnavailableReason(): string | undefined {
	// `janus --version` exits with 1 after printing its version: only a missing binary counts.
	const probe = spawnSync('janus', ['--version'], { encoding: 'utf8' });
	if (probe.error || !/Janus version/.test(probe.stdout + probe.stderr))
		return 'Janus is not installed (apt-get install janus)';
	const link = spawnSync('ip', ['-br', 'addr', 'show', 'dev', JANUS_INTERFACE], { encoding: 'utf8' });
	if (link.status !== 0 || !link.stdout.includes('127.0.0.2'))
		return `no ${JANUS_INTERFACE} interface with 127.0.0.2: run inside the test network namespace (node scripts/test.js janus)`;
	return undefined;
}

function janusLibDir(): string {
	for (const dir of [
		'/usr/lib/x86_64-linux-gnu/janus',
		'/usr/lib/aarch64-linux-gnu/janus',
		'/usr/lib/janus',
		'/usr/local/lib/janus'
	])
		if (spawnSync('test', ['-d', `${dir}/plugins`]).status === 0) return dir;
	throw new Error('Cannot find the Janus plugin folder');
}

export async function startJanus(options: StartJanusOptions = {}): Promise<RunningJanus> {
	const httpPort = options.httpPort ?? 5618;
	const dir = mkdtempSync(join(tmpdir(), 'medcluster-janus-'));
	const apiSecret = randomBytes(18).toString('base64url');
	const adminSecret = randomBytes(18).toString('base64url');
	const values: Record<string, string> = {
		CONFIG_DIR: dir,
		LIB_DIR: janusLibDir(),
		DEBUG_LEVEL: String(options.debugLevel ?? 3),
		API_SECRET: apiSecret,
		ADMIN_SECRET: adminSecret,
		RTP_PORT_RANGE: options.rtpPortRange ?? '42000-42999',
		EVENT_LOOPS: String(availableParallelism()),
		ICE_ENFORCE_LIST: `ice_enforce_list = "${JANUS_INTERFACE}"`,
		NAT_1_1_MAPPING: '',
		NICE_DEBUG: process.env.JANUS_NICE_DEBUG === '1' ? 'true' : 'false',
		HTTP_PORT: String(httpPort),
		ADMIN_PORT: String(options.adminPort ?? 5619),
		ADMIN_HTTP: options.adminApi ? 'true' : 'false',
		HTTP_IP: '127.0.0.1'
	};
	const templates = resolve('deploy/janus');
	for (const file of readdirSync(templates).filter((name) => name.endsWith('.jcfg')))
		writeFileSync(
			join(dir, file),
			readFileSync(join(templates, file), 'utf8').replace(/@([A-Z_0-9]+)@/g, (_, name: string) => values[name] ?? '')
		);
	const logFile = join(dir, 'janus.log');
	const log = openSync(logFile, 'a');
	const child: ChildProcess = spawn('janus', ['-C', join(dir, 'janus.jcfg'), '-F', dir, '-o'], {
		stdio: ['ignore', log, log]
	});
	const url = `http://127.0.0.1:${httpPort}/janus`;
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	const stop = async () => {
		if (child.exitCode === null) child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
		await exited;
		clearTimeout(timer);
		rmSync(dir, { recursive: true, force: true });
	};
	const deadline = Date.now() + 20_000;
	for (;;) {
		if (child.exitCode !== null)
			throw new Error(`Janus exited at start (code ${child.exitCode}):\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
		const ok = await fetch(url, { method: 'POST', body: JSON.stringify({ janus: 'info', transaction: 'ready' }) }).then(
			(r) => r.ok,
			() => false
		);
		if (ok) break;
		if (Date.now() > deadline) {
			await stop();
			throw new Error('Janus did not answer on its HTTP API within 20 s');
		}
		await new Promise((done) => setTimeout(done, 100));
	}
	return {
		url,
		adminUrl: `http://127.0.0.1:${options.adminPort ?? 5619}/admin`,
		apiSecret,
		adminSecret,
		pid: child.pid!,
		logFile,
		stop
	};
}
