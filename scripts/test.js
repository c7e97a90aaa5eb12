#!/usr/bin/env node
// `npm test`: type check, unit + integration tests, production build, then (with DATABASE_URL) the
// e2e tests against the build on a fresh database. Stops at the first failing step.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

// The messages module is generated (and git-ignored): on a clean clone it must exist before
// svelte-check runs. Same options as the Vite plugin in vite.config.ts, so the output is the same.
const PARAGLIDE_COMPILE = [
	'paraglide-js',
	'compile',
	'--project',
	'./project.inlang',
	'--outdir',
	'./src/lib/paraglide',
	'--strategy',
	'cookie',
	'preferredLanguage',
	'baseLocale',
	'--is-server',
	"import.meta.env?.SSR ?? typeof window === 'undefined'",
	'--silent'
];

const started = performance.now();
let current = null;
let interrupted = false;

const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);

function run(command, args, env = process.env) {
	return new Promise((resolve) => {
		const child = spawn(command, args, { stdio: 'inherit', env });
		current = child;
		child.on('error', (error) => {
			console.error(`Could not start ${command}: ${error.message}`);
			resolve(1);
		});
		child.on('exit', (code, signal) => {
			current = null;
			resolve(code ?? (signal ? 1 : 0));
		});
	});
}

/** Runs the commands of one step in order; returns the first non-zero exit code, or 0. */
async function step(name, commands) {
	const since = performance.now();
	console.log(`\n▶ ${name}`);
	let code = 0;
	for (const [command, args, env] of commands) {
		code = interrupted ? 130 : await run(command, args, env);
		if (code !== 0) break;
	}
	console.log(`${code === 0 ? '✔' : '✘'} ${name}: ${seconds(since)} s${code === 0 ? '' : ` (exit code ${code})`}`);
	return code;
}

function withDatabase(url, name) {
	const target = new URL(url);
	target.pathname = `/${name}`;
	return target.href;
}

/** Runs `sql` on the `postgres` maintenance database of the server in `url`. */
async function onMaintenance(url, sql) {
	const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
}

async function e2e(databaseUrl) {
	const name = `mc_e2e_${Date.now()}`;
	const dataDir = mkdtempSync(join(tmpdir(), 'medcluster-e2e-'));
	await onMaintenance(databaseUrl, `create database "${name}"`);
	console.log(`(e2e database ${name}, data folder ${dataDir})`);
	try {
		const env = { ...process.env, E2E_DATABASE_URL: withDatabase(databaseUrl, name), E2E_DATA_DIR: dataDir };
		return await step('e2e (playwright)', [['npx', ['playwright', 'test'], env]]);
	} finally {
		await onMaintenance(databaseUrl, `drop database if exists "${name}" with (force)`).catch((error) =>
			console.error(`Could not drop ${name}: ${error.message}`)
		);
		rmSync(dataDir, { recursive: true, force: true });
	}
}

/**
 * The live IR room's media e2e (playwright.live.config.ts): the server and Chromium run inside a
 * private network namespace with only `lo` (`unshare -n`, which needs root), so no packet leaves
 * 127.0.0.1. Inside it 127.0.0.1:5432 is not the machine's PostgreSQL, so the fresh database is
 * reached over its unix socket (LIVE_E2E_PGHOST, default /var/run/postgresql).
 * The same for the live room on two nodes behind nginx (playwright.cluster.config.ts).
 */
/** Janus gathers ICE candidates only on an interface not flagged loopback: inside the namespace it gets
 * a veth pair that exists only there, carrying 127.0.0.2 (tests/support/janus.ts explains). */
const JANUS_NETNS_SETUP =
	'ip link set lo up && ip link add mc0 type veth peer name mc1 && ip addr add 127.0.0.2/8 dev mc0 && ip link set mc0 up && ip link set mc1 up';

function namespaceProblem(what) {
	const probe = spawnSync('unshare', ['-n', 'true'], { encoding: 'utf8' });
	if (probe.status === 0) return false;
	const reason = probe.error?.message ?? probe.stderr?.trim() ?? `exit code ${probe.status}`;
	console.error(
		`\n✘ ${what}: cannot create a private network namespace (unshare -n: ${reason}). This step runs as root (CI does); run npm test as root or with CAP_SYS_ADMIN.`
	);
	return true;
}

/** The Janus backend against a real Janus (skipped inside when `janus` is not installed). */
async function janusIntegration() {
	if (namespaceProblem('Janus backend integration tests')) return 1;
	const inNamespace = `${JANUS_NETNS_SETUP} && exec npx vitest run tests/integration/media-janus`;
	return step('Janus backend integration tests (vitest, network namespace with a veth for Janus)', [
		['unshare', ['-n', 'sh', '-c', inNamespace]]
	]);
}

/** The live room's WebRTC e2e on one media backend ('werift' or 'janus'), on a fresh database. */
async function liveE2e(backend = 'werift', config = 'playwright.live.config.ts') {
	const socketDir = process.env.LIVE_E2E_PGHOST ?? '/var/run/postgresql';
	if (namespaceProblem(`e2e live IR room (${backend})`)) return 1;
	const given = process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL) : undefined;
	const credentials = given
		? `${given.username || 'postgres'}${given.password ? `:${given.password}` : ''}`
		: 'postgres';
	const adminUrl = process.env.DATABASE_URL ?? `postgres://${credentials}@localhost/postgres?host=${socketDir}`;
	const name = `mc_live_${backend}_${Date.now()}`;
	try {
		await onMaintenance(adminUrl, `create database "${name}"`);
	} catch (error) {
		console.error(
			`\n✘ ${label}: cannot create a PostgreSQL database for it (${error.message}). It needs PostgreSQL: set DATABASE_URL, or run one with its socket in ${socketDir}.`
		);
		return 1;
	}
	console.log(`(live e2e database ${name}, reached inside the namespace over ${socketDir})`);
	try {
		const env = {
			...process.env,
			E2E_DATABASE_URL: `postgres://${credentials}@localhost/${name}?host=${socketDir}`,
			E2E_MEDIA_BACKEND: backend
		};
		const setup = backend === 'janus' ? JANUS_NETNS_SETUP : 'ip link set lo up';
		const inNamespace = `${setup} && exec npx playwright test -c ${config}`;
		const cluster = config === 'playwright.cluster.config.ts';
		const where = cluster
			? 'two nodes behind nginx, network namespace with only lo'
			: backend === 'janus'
				? 'Janus, network namespace with lo and a veth for Janus'
				: 'werift, network namespace with only lo';
		return await step(`e2e live IR room${cluster ? ' on two nodes' : ''} (playwright, ${where})`, [
			['unshare', ['-n', 'sh', '-c', inNamespace], env]
		]);
	} finally {
		await onMaintenance(adminUrl, `drop database if exists "${name}" with (force)`).catch((error) =>
			console.error(`Could not drop ${name}: ${error.message}`)
		);
	}
}

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		// Let the running step end (the child gets the signal too) so the e2e database is still dropped.
		interrupted = true;
		current?.kill(signal);
	});
}

async function main() {
	const steps = [
		() => step('native SFU send path (scripts/build-native.js)', [['node', ['scripts/build-native.js']]]),
		() =>
			step('type check (svelte-check)', [
				['npx', PARAGLIDE_COMPILE],
				['npx', ['svelte-kit', 'sync']],
				['npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--threshold', 'error']]
			]),
		() => step('formatting (prettier --check)', [['npx', ['prettier', '--check', '--log-level', 'warn', '.']]]),
		() => step('unit + integration tests (vitest)', [['npx', ['vitest', 'run']]]),
		() => janusIntegration(),
		() => step('production build (vite build)', [['npx', ['vite', 'build']]]),
		async () => {
			const databaseUrl = process.env.DATABASE_URL;
			if (databaseUrl) return e2e(databaseUrl);
			// Without PostgreSQL the server under test uses a fresh embedded PGlite folder.
			const dataDir = mkdtempSync(join(tmpdir(), 'medcluster-e2e-'));
			try {
				return await step('e2e (playwright, embedded PGlite)', [
					['npx', ['playwright', 'test'], { ...process.env, E2E_DATA_DIR: dataDir }]
				]);
			} finally {
				rmSync(dataDir, { recursive: true, force: true });
			}
		},
		() => liveE2e('werift'),
		() => liveE2e('janus'),
		() => liveE2e('werift', 'playwright.cluster.config.ts')
	];
	// `node scripts/test.js janus`: only the Janus steps (the live one needs a production build).
	if (process.argv[2] === 'janus')
		steps.splice(
			0,
			steps.length,
			() => janusIntegration(),
			() => liveE2e('janus')
		);
	for (const next of steps) {
		const code = interrupted ? 130 : await next();
		if (code !== 0) return code;
	}
	return 0;
}

const code = await main().catch((error) => {
	console.error(error);
	return 1;
});
console.log(`\n${code === 0 ? 'All steps passed' : 'Failed'}. Total: ${seconds(started)} s`);
process.exit(code);
