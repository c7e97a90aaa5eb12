// `npm run bench -- cluster [--seconds N] [--connections N] [--nginx-port P] [--node-ports P,Q]`:
// needs a build and PostgreSQL (DATABASE_URL, default the local server). On a scratch database
// (created and dropped) it runs nginx in front of one node, then of two, and prints the requests per
// second of `/` and `/directory` through nginx for each, and the time from killing a live room's
// owner (SIGKILL, then SIGTERM) until the placement answers another node.
import autocannon from 'autocannon';
import pg from 'pg';
import { startCluster } from '../scripts/cluster.js';
import { openSessionId, ownerOf, signIn, waitForNewOwner } from './_cluster-client';
import { DEMO_OPERATOR_TOTP_KEY } from '../src/lib/server/seed/demo-accounts';

type Cluster = {
	url: string;
	nodes: Array<{ id: string; start(): Promise<void>; kill(signal?: string): Promise<void> }>;
	stop(): Promise<void>;
};

const USAGE = `npm run bench -- cluster [--seconds N] [--connections N] [--nginx-port P] [--node-ports P,Q] [--media-ports A-B]
Needs \`npx vite build\`, nginx, and PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres),
on which it creates and drops a scratch database. Prints one JSON document. --help: this text, nothing started.`;
if (process.argv.includes('--help')) {
	console.log(USAGE);
	process.exit(0);
}

const arg = (name: string, fallback: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const seconds = Number(arg('seconds', '10'));
const connections = Number(arg('connections', '16'));
const nginxPort = Number(arg('nginx-port', '8080'));
const nodePorts = arg('node-ports', '3001,3002').split(',').map(Number);
const mediaPorts = arg('media-ports', '40000-40999');
const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function onMaintenance(sql: string) {
	const admin = new URL(baseUrl);
	admin.pathname = '/postgres';
	const client = new pg.Client({ connectionString: admin.href });
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
}

function requestsPerSecond(url: string, duration = seconds): Promise<number> {
	return new Promise((resolve, reject) =>
		autocannon({ url, connections, duration, headers: { 'accept-language': 'ko' } }, (error, result) => {
			if (error) return reject(error);
			if (result.non2xx > 0) return reject(new Error(`${url}: ${result.non2xx} answers were not 2xx`));
			resolve(Math.round(result.requests.average));
		})
	);
}

async function throughput(cluster: Cluster) {
	// Warm every node up first (JIT, caches, the pool's connections): a fresh node is several times slower.
	await requestsPerSecond(`${cluster.url}/`, 2);
	await requestsPerSecond(`${cluster.url}/directory`, 2);
	return {
		home: await requestsPerSecond(`${cluster.url}/`),
		directory: await requestsPerSecond(`${cluster.url}/directory`)
	};
}

const name = `mc_bench_cluster_${Date.now()}`;
await onMaintenance(`create database "${name}"`);
const databaseUrl = (() => {
	const url = new URL(baseUrl);
	url.pathname = `/${name}`;
	return url.href;
})();
const common = {
	databaseUrl,
	nginxPort,
	mediaPorts,
	quiet: true,
	log: () => {},
	env: { RATE_LIMIT_DISABLED: 'true', LOG_LEVEL: 'error' }
};
const result: Record<string, unknown> = { seconds, connections };
let cluster: Cluster | undefined;
try {
	cluster = (await startCluster({ ...common, nodePorts: nodePorts.slice(0, 1) })) as Cluster;
	result.oneNode = await throughput(cluster);
	await cluster.stop();
	cluster = (await startCluster({ ...common, nodePorts: nodePorts.slice(0, 2) })) as Cluster;
	result.twoNodes = await throughput(cluster);

	const roomId = await openSessionId(databaseUrl);
	const cookie = await signIn(
		cluster.url,
		'operator@medcluster.example',
		'medcluster-demo-2026',
		DEMO_OPERATOR_TOTP_KEY
	);
	const failover: Record<string, unknown> = {};
	for (const signal of ['SIGKILL', 'SIGTERM']) {
		const owner = await ownerOf(cluster.url, cookie, roomId);
		const node = cluster.nodes.find((n) => n.id === owner);
		if (!owner || !node)
			throw new Error(`room ${roomId} has no owner (${owner}; nodes ${cluster.nodes.map((n) => n.id).join(', ')})`);
		const killed = node.kill(signal);
		const taken = await waitForNewOwner(cluster.url, cookie, roomId, owner);
		await killed;
		failover[signal] = { from: owner, to: taken.owner, placementMovedMs: taken.ms };
		await node.start();
	}
	result.failover = failover;
} finally {
	await cluster?.stop();
	await onMaintenance(`drop database if exists "${name}" with (force)`);
}
console.log(JSON.stringify(result, null, 2));
