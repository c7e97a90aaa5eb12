// `npm run bench -- pages [--seconds=10] [--connections=32] [--orgs=10000] [--runs=3] [--port=4690]`: requests per second and
// latency of the portal's main pages against the production build on PostgreSQL, beside a bare
// node:http "hello" server measured in the same run (the ratio is the figure to compare across
// machines). Each page is measured --runs times (the machine is shared and noisy): the figures are the
// median run, with the min-max of requests per second and of the ratio beside them. Each page is
// measured twice: `rendered` (a cookie the public-page cache does not know, so SvelteKit renders every
// request) and `fromCache` (an anonymous browser, which the public-page cache may answer; see README
// "Page performance"). Two scratch databases: the demo data, and a generated directory of --orgs
// organisations for the search page. Prints one JSON document. Only 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { directoryQuerySchema } from '../src/lib/server/directory/schemas';
import { directoryFacets, searchOrganizations } from '../src/lib/server/directory/search-repository';
import { generateDirectory } from './_directory-data';

const { values: args } = parseArgs({
	options: {
		seconds: { type: 'string', default: '10' },
		connections: { type: 'string', default: '32' },
		orgs: { type: 'string', default: '10000' },
		runs: { type: 'string', default: '3' },
		port: { type: 'string', default: '4690' },
		prefix: { type: 'string', default: 'mc_bench' }
	}
});
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
const ORGS = Number(args.orgs);
const RUNS = Math.max(1, Number(args.runs));
// Three consecutive ports: the bare server, the demo portal, the portal at ORGS organisations.
const PORT = Number(args.port);
const [BARE_PORT, DEMO_PORT, BIG_PORT] = [PORT + 1, PORT, PORT + 2];
const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BUILD_DIR = process.env.BUILD_DIR ?? 'build';
const SEARCH = `/directory?q=${encodeURIComponent('헬스')}&kind=company&tag=samd`;

if (!['127.0.0.1', 'localhost'].includes(new URL(SERVER).hostname))
	throw new Error('The benchmark only talks to 127.0.0.1');
if (!existsSync(`${BUILD_DIR}/handler.js`)) throw new Error(`No build in ${BUILD_DIR}/: run npm run build first`);

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const percentile = (xs: number[], p: number) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function admin(statement: string) {
	const client = new pg.Client({ connectionString: SERVER });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}

async function scratchDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
	const name = `${prefix}_${randomBytes(4).toString('hex')}`;
	await admin(`create database "${name}"`);
	const url = new URL(SERVER);
	url.pathname = `/${name}`;
	return { url: url.href, drop: () => admin(`drop database if exists "${name}" with (force)`) };
}

async function waitForHttp(url: string, child: ChildProcess) {
	for (let i = 0; i < 600; i++) {
		if (child.exitCode != null) throw new Error(`server exited with ${child.exitCode}`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not up yet */
		}
		await sleep(200);
	}
	throw new Error(`${url} did not answer`);
}

function startPortal(databaseUrl: string, port: number, seed: boolean): ChildProcess {
	const { ORIGIN: _origin, ...env } = process.env;
	return spawn(process.execPath, ['server.js'], {
		env: {
			...env,
			BUILD_DIR,
			DATABASE_URL: databaseUrl,
			PORT: String(port),
			HOST: '127.0.0.1',
			SEED_DEMO: String(seed),
			LOG_LEVEL: 'silent'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
}

type PageFigures = {
	path: string;
	requestsPerSecond: number;
	latencyP50Ms: number;
	latencyP99Ms: number;
	errors: number;
	non2xx: number;
	runsRequestsPerSecond: number[];
};

/**
 * How an anonymous reader is served: `cache` as a browser without cookies is (the public-page cache may
 * answer), `render` with a cookie the cache does not know, so every request is rendered by SvelteKit.
 */
type Mode = 'cache' | 'render';
const MODE_HEADERS: Record<Mode, Record<string, string>> = {
	cache: { 'accept-language': 'ko' },
	render: { 'accept-language': 'ko', cookie: 'mc_bench=render' }
};

function load(url: string, seconds = SECONDS, mode: Mode = 'cache') {
	return new Promise<autocannon.Result>((resolve, reject) =>
		autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: MODE_HEADERS[mode] }, (error, result) =>
			error ? reject(error) : resolve(result)
		)
	);
}

async function measure(origin: string, path: string, mode: Mode = 'cache'): Promise<PageFigures> {
	await load(origin + path, Math.max(2, Math.round(SECONDS / 3)), mode); // warm-up, not counted
	const results: autocannon.Result[] = [];
	for (let i = 0; i < RUNS; i++) results.push(await load(origin + path, SECONDS, mode));
	// The median run by requests per second stands for the page; errors count over all runs.
	const sorted = [...results].sort((a, b) => a.requests.average - b.requests.average);
	const r = sorted[Math.floor((sorted.length - 1) / 2)];
	return {
		path,
		requestsPerSecond: round(r.requests.average),
		latencyP50Ms: r.latency.p50,
		latencyP99Ms: r.latency.p99,
		errors: results.reduce((sum, x) => sum + x.errors, 0),
		non2xx: results.reduce((sum, x) => sum + x.non2xx, 0),
		runsRequestsPerSecond: results.map((x) => round(x.requests.average))
	};
}

const children: ChildProcess[] = [];
const drops: Array<() => Promise<void>> = [];
try {
	const hello = spawn(
		process.execPath,
		['-e', `require('node:http').createServer((q,s)=>s.end('hello')).listen(${BARE_PORT},'127.0.0.1')`],
		{ stdio: 'ignore' }
	);
	children.push(hello);
	await waitForHttp(`http://127.0.0.1:${BARE_PORT}/`, hello);
	const bare = await measure(`http://127.0.0.1:${BARE_PORT}`, '/');
	hello.kill('SIGTERM');

	// The demo data, as `npm start` seeds it.
	const demo = await scratchDatabase(`${args.prefix}_pages`);
	drops.push(demo.drop);
	const portal = startPortal(demo.url, DEMO_PORT, true);
	children.push(portal);
	await waitForHttp(`http://127.0.0.1:${DEMO_PORT}/readyz`, portal);
	const pages: { rendered: PageFigures; fromCache?: PageFigures }[] = [];
	pages.push({ rendered: await measure(`http://127.0.0.1:${DEMO_PORT}`, '/healthz') });
	for (const path of ['/', '/directory', '/courses', '/orgs/wonju-mtv', '/ir'])
		pages.push({
			rendered: await measure(`http://127.0.0.1:${DEMO_PORT}`, path, 'render'),
			fromCache: await measure(`http://127.0.0.1:${DEMO_PORT}`, path, 'cache')
		});
	portal.kill('SIGTERM');

	// The directory at ORGS organisations.
	const big = await scratchDatabase(`${args.prefix}_pages10k`);
	drops.push(big.drop);
	const database = await openDatabase({ url: big.url, poolSize: 4 });
	const timings: number[] = [];
	try {
		await migrateToLatest(database.db);
		await generateDirectory(database.db, ORGS, 3);
		const query = directoryQuerySchema.parse({ q: '헬스', kind: ['company'], tag: ['samd'] });
		for (let i = 0; i < 200; i++) {
			const started = performance.now();
			await Promise.all([searchOrganizations(database.db, query), directoryFacets(database.db, query)]);
			timings.push(performance.now() - started);
		}
	} finally {
		await database.close();
	}
	const bigPortal = startPortal(big.url, BIG_PORT, false);
	children.push(bigPortal);
	await waitForHttp(`http://127.0.0.1:${BIG_PORT}/readyz`, bigPortal);
	const search = {
		rendered: await measure(`http://127.0.0.1:${BIG_PORT}`, SEARCH, 'render'),
		fromCache: await measure(`http://127.0.0.1:${BIG_PORT}`, SEARCH, 'cache')
	};
	bigPortal.kill('SIGTERM');

	const ratio = (p: PageFigures) => round((p.requestsPerSecond / bare.requestsPerSecond) * 100, 3);
	// min-max of the ratio over the runs, each run against the bare server's median.
	const ratioRange = (p: PageFigures) =>
		[Math.min(...p.runsRequestsPerSecond), Math.max(...p.runsRequestsPerSecond)].map((x) =>
			round((x / bare.requestsPerSecond) * 100, 3)
		);
	const withRatio = (p: PageFigures) => ({ ...p, percentOfBare: ratio(p), percentOfBareMinMax: ratioRange(p) });
	const both = (p: { rendered: PageFigures; fromCache?: PageFigures }) => ({
		path: p.rendered.path,
		rendered: withRatio(p.rendered),
		...(p.fromCache ? { fromCache: withRatio(p.fromCache) } : {})
	});
	console.log(
		JSON.stringify(
			{
				benchmark: 'pages',
				connections: CONNECTIONS,
				seconds: SECONDS,
				runs: RUNS,
				bareNodeHttp: bare,
				pages: pages.map(both),
				directorySearchAtScale: { organizations: ORGS, ...both(search) },
				searchWithFacetsMs: {
					runs: timings.length,
					p50: round(percentile(timings, 0.5)),
					p95: round(percentile(timings, 0.95))
				}
			},
			null,
			2
		)
	);
} finally {
	for (const child of children) if (child.exitCode == null) child.kill('SIGKILL');
	for (const drop of drops) await drop().catch(() => {});
}
