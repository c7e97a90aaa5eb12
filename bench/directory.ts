// `npm run bench -- directory`: 10,000 organisations and 30,000 products in a scratch PostgreSQL
// database; server-side p50/p95 of a search (text + two filters + facet counts), the plan it uses,
// and requests per second of the search page under 32 connections (autocannon) beside a bare
// node:http "hello" server measured in the same run. Prints one JSON document. Only 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { directoryFacets, searchOrganizations } from '../src/lib/server/directory/search-repository';
import { directoryQuerySchema } from '../src/lib/server/directory/schemas';
import { generateDirectory } from './_directory-data';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ORGS = 10_000;
const PRODUCTS_PER_ORG = 3;
const RUNS = 200;
const HTTP_SECONDS = 10;
const BUILD_DIR = process.env.BUILD_DIR ?? 'build';

if (new URL(SERVER).hostname !== '127.0.0.1' && new URL(SERVER).hostname !== 'localhost')
	throw new Error('The benchmark only talks to 127.0.0.1');
if (!existsSync(`${BUILD_DIR}/handler.js`)) throw new Error(`No build in ${BUILD_DIR}/: run npm run build first`);
const name = `mc_bench_dir_${randomBytes(4).toString('hex')}`;
const admin = async (statement: string) => {
	const client = new pg.Client({ connectionString: SERVER });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
};
const percentile = (xs: number[], p: number) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const round = (x: number) => Math.round(x * 100) / 100;

const QUERIES = [
	{ q: '헬스', kind: ['company'], tag: ['samd'] },
	{ q: 'cardiak', kind: ['company'], region: ['Seoul'] },
	{ q: '원주 메디', stage: ['mfds_approved'], kind: ['company'] },
	{ q: 'robot', tag: ['rehabilitation'], partners: true },
	{ q: '진단', region: ['Daegu'], tag: ['ivd'] }
] as const;

async function waitForHttp(url: string, child?: ChildProcess) {
	for (let i = 0; i < 300; i++) {
		if (child?.exitCode != null) throw new Error(`server exited with ${child.exitCode}`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not up yet */
		}
		await sleep(200);
	}
	throw new Error(`${url} did not answer`);
}

function load(url: string) {
	return new Promise<autocannon.Result>((resolve, reject) =>
		autocannon(
			{ url, connections: 32, duration: HTTP_SECONDS, headers: { 'accept-language': 'ko' } },
			(error, result) => (error ? reject(error) : resolve(result))
		)
	);
}

await admin(`create database "${name}"`);
const dbUrl = new URL(SERVER);
dbUrl.pathname = `/${name}`;
const database = await openDatabase({ url: dbUrl.href, poolSize: 4 });
const children: ChildProcess[] = [];
try {
	const db = database.db;
	await migrateToLatest(db);
	const generated = performance.now();
	await generateDirectory(db, ORGS, PRODUCTS_PER_ORG);
	const generateSeconds = round((performance.now() - generated) / 1000);

	const timings: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const query = directoryQuerySchema.parse(QUERIES[i % QUERIES.length]);
		const started = performance.now();
		await Promise.all([searchOrganizations(db, query), directoryFacets(db, query)]);
		timings.push(performance.now() - started);
	}
	const plan = await sql<{ 'QUERY PLAN': string }>`explain analyze select o.id from organizations o
		where o.status = 'verified' and o.search_bigrams @@ to_tsquery('simple', ${"'헬스'"}) and o.kind in ('company')`.execute(
		db
	);
	const typoPlan = await sql<{ 'QUERY PLAN': string }>`explain analyze select o.id from organizations o
		where o.status = 'verified' and (o.search_words @@ to_tsquery('simple', ${"'cardiak':*"}) or ${'cardiak'}::text <% o.search_text)`.execute(
		db
	);
	// Selective queries, as real searches mostly are: these show the GIN indexes at work.
	const selectivePlan = await sql<{ 'QUERY PLAN': string }>`explain analyze select o.id from organizations o
		where o.status = 'verified' and o.search_bigrams @@ to_tsquery('simple', ${"'원주' & '주메' & '메디'"})`.execute(db);
	const selectiveTypoPlan = await sql<{ 'QUERY PLAN': string }>`explain analyze select o.id from organizations o
		where o.status = 'verified' and (o.search_words @@ to_tsquery('simple', ${"'nuerocardio':*"}) or ${'nuerocardio'}::text <% o.search_text)`.execute(
		db
	);
	const indexesUsed = (rows: { 'QUERY PLAN': string }[]) => [
		...new Set(rows.flatMap((r) => r['QUERY PLAN'].match(/on (organizations_\w+)/g) ?? []).map((s) => s.slice(3)))
	];

	const { ORIGIN: _origin, ...env } = process.env;
	const portal = spawn(process.execPath, ['server.js'], {
		env: {
			...env,
			BUILD_DIR,
			DATABASE_URL: dbUrl.href,
			PORT: '4590',
			HOST: '127.0.0.1',
			SEED_DEMO: 'false',
			LOG_LEVEL: 'silent'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	children.push(portal);
	await waitForHttp('http://127.0.0.1:4590/readyz', portal);
	const pageUrl = `http://127.0.0.1:4590/directory?q=${encodeURIComponent('헬스')}&kind=company&tag=samd`;
	await load(pageUrl); // warm-up, not counted
	const portalResult = await load(pageUrl);
	portal.kill('SIGTERM');

	const hello = spawn(
		process.execPath,
		['-e', "require('node:http').createServer((q,s)=>s.end('hello')).listen(4591,'127.0.0.1')"],
		{ stdio: 'ignore' }
	);
	children.push(hello);
	await waitForHttp('http://127.0.0.1:4591/', hello);
	const helloResult = await load('http://127.0.0.1:4591/');
	hello.kill('SIGTERM');

	console.log(
		JSON.stringify(
			{
				benchmark: 'directory',
				organizations: ORGS,
				products: ORGS * PRODUCTS_PER_ORG,
				generateSeconds,
				searchWithFacetsMs: {
					runs: RUNS,
					p50: round(percentile(timings, 0.5)),
					p95: round(percentile(timings, 0.95)),
					targetP95: 50,
					met: percentile(timings, 0.95) < 50
				},
				indexesUsed: {
					koreanFragment: indexesUsed(plan.rows),
					englishTypo: indexesUsed(typoPlan.rows),
					selectiveKorean: indexesUsed(selectivePlan.rows),
					selectiveTypo: indexesUsed(selectiveTypoPlan.rows)
				},
				plan: {
					koreanFragment: plan.rows.map((r) => r['QUERY PLAN']),
					englishTypo: typoPlan.rows.map((r) => r['QUERY PLAN']),
					selectiveKorean: selectivePlan.rows.map((r) => r['QUERY PLAN']),
					selectiveTypo: selectiveTypoPlan.rows.map((r) => r['QUERY PLAN'])
				},
				searchPage: {
					url: pageUrl,
					connections: 32,
					seconds: HTTP_SECONDS,
					requestsPerSecond: round(portalResult.requests.average),
					latencyP97_5Ms: portalResult.latency.p97_5,
					errors: portalResult.errors,
					non2xx: portalResult.non2xx
				},
				bareNodeHttp: { requestsPerSecond: round(helloResult.requests.average) },
				ratio: Math.round((portalResult.requests.average / helloResult.requests.average) * 10_000) / 10_000
			},
			null,
			2
		)
	);
} finally {
	for (const child of children) if (child.exitCode == null) child.kill('SIGKILL');
	await database.close();
	await admin(`drop database if exists "${name}" with (force)`);
}
