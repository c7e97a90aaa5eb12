// @ts-nocheck  plain Node script; its callers type what they use
// `npm run cluster`: two portal nodes (or CLUSTER_NODES) on one PostgreSQL behind Debian's nginx, all
// on 127.0.0.1, with deploy/nginx/medcluster.conf filled in under a temporary prefix. Ctrl-C stops
// nginx and the nodes. Imported by the cluster benchmark and test through startCluster().
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `url` until it answers `status` (200 by default), or throws after `timeoutMs`. */
export async function waitFor(url, { timeoutMs = 120_000, status = 200 } = {}) {
	const until = Date.now() + timeoutMs;
	for (;;) {
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
			if (response.status === status) return;
		} catch {
			// not up yet
		}
		if (Date.now() > until) throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms`);
		await sleep(200);
	}
}

/** Splits the media UDP range evenly between the nodes (each socket of a node needs its own port). */
function mediaRanges(min, max, count) {
	const size = Math.floor((max - min + 1) / count);
	return Array.from({ length: count }, (_, i) => [min + i * size, min + (i + 1) * size - 1]);
}

function fillConfig(nodes, listen, prefix) {
	const servers = nodes.map((n) => `\t\tserver 127.0.0.1:${n.port} max_fails=1 fail_timeout=2s;`).join('\n');
	const upstreams = nodes.map((n) => `\tupstream node_${n.id} {\n\t\tserver 127.0.0.1:${n.port};\n\t}`).join('\n');
	const map = nodes.map((n) => `\t\t${n.id} node_${n.id};`).join('\n');
	return readFileSync(join(root, 'deploy/nginx/medcluster.conf'), 'utf8')
		.replaceAll('{{PREFIX}}', prefix)
		.replaceAll('{{LISTEN}}', listen)
		.replaceAll('{{NODE_SERVERS}}', servers)
		.replaceAll('{{NODE_UPSTREAMS}}', upstreams)
		.replaceAll('{{NODE_MAP}}', map);
}

/**
 * Starts `nodeCount` nodes one after the other (the first migrates and seeds), then nginx.
 * Returns the proxy's URL, the nodes (each can be killed and started again) and stop().
 */
export async function startCluster(options = {}) {
	const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
	if (!databaseUrl)
		throw new Error(
			'Several nodes need one PostgreSQL: set DATABASE_URL (the embedded PGlite serves one process only).'
		);
	const buildDir = options.buildDir ?? process.env.BUILD_DIR ?? 'build';
	if (!existsSync(resolve(root, buildDir, 'handler.js')))
		throw new Error(`No build in ${buildDir}: run npm run build first.`);
	const nginxPort = Number(options.nginxPort ?? process.env.CLUSTER_NGINX_PORT ?? 8080);
	const ports = (options.nodePorts ?? (process.env.CLUSTER_NODE_PORTS ?? '3001,3002').split(',').map(Number)).slice(
		0,
		options.nodeCount ?? undefined
	);
	const [mediaMin, mediaMax] = (options.mediaPorts ?? process.env.CLUSTER_MEDIA_PORTS ?? '40000-49999')
		.split('-')
		.map(Number);
	const ranges = mediaRanges(mediaMin, mediaMax, ports.length);
	const log = options.log ?? ((line) => console.log(line));
	const origin = `http://127.0.0.1:${nginxPort}`;
	const nodes = ports.map((port, i) => ({
		id: String.fromCharCode(97 + i),
		port,
		mediaPorts: ranges[i],
		process: undefined
	}));

	function spawnNode(node, extraEnv = {}) {
		const env = {
			...process.env,
			DATABASE_URL: databaseUrl,
			BUILD_DIR: buildDir,
			NODE_ID: node.id,
			PORT: String(node.port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1',
			MEDIA_LISTEN_IP: '127.0.0.1',
			MEDIA_PORT_MIN: String(node.mediaPorts[0]),
			MEDIA_PORT_MAX: String(node.mediaPorts[1]),
			LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
			...options.env,
			...extraEnv
		};
		const child = spawn(process.execPath, [join(root, 'server.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		const prefix = `[node ${node.id}] `;
		for (const stream of [child.stdout, child.stderr])
			stream.on('data', (chunk) => options.quiet || process.stdout.write(chunk.toString().replace(/^(?=.)/gm, prefix)));
		node.process = child;
		return child;
	}

	const stopped = [];
	const nodeApi = nodes.map((node) => ({
		id: node.id,
		port: node.port,
		url: `http://127.0.0.1:${node.port}`,
		get pid() {
			return node.process?.pid;
		},
		async start() {
			spawnNode(node);
			await waitFor(`http://127.0.0.1:${node.port}/readyz`);
		},
		/** SIGKILL (a crash) or SIGTERM (a clean shutdown); resolves when the process is gone. */
		async kill(signal = 'SIGTERM') {
			const child = node.process;
			if (!child || child.exitCode !== null || child.signalCode !== null) return;
			const gone = new Promise((r) => child.once('exit', r));
			child.kill(signal);
			await gone;
		}
	}));

	const prefix = mkdtempSync(join(tmpdir(), 'medcluster-nginx-'));
	let nginx;
	async function stop() {
		if (nginx && nginx.exitCode === null) {
			const gone = new Promise((r) => nginx.once('exit', r));
			nginx.kill('SIGQUIT');
			await Promise.race([gone, sleep(5000)]);
		}
		await Promise.all(nodeApi.map((n) => n.kill('SIGTERM')));
		rmSync(prefix, { recursive: true, force: true });
		stopped.push(true);
	}

	try {
		for (const node of nodeApi) {
			log(`starting node ${node.id} on ${node.url}`);
			await node.start();
		}
		for (const dir of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(prefix, dir));
		const conf = join(prefix, 'nginx.conf');
		writeFileSync(conf, fillConfig(nodes, `127.0.0.1:${nginxPort}`, prefix));
		nginx = spawn(options.nginx ?? 'nginx', ['-p', prefix, '-c', conf], {
			stdio: ['ignore', options.quiet ? 'ignore' : 'inherit', options.quiet ? 'ignore' : 'inherit']
		});
		await waitFor(`${origin}/readyz`, { timeoutMs: 15_000 });
		log(`nginx on ${origin} in front of ${nodeApi.map((n) => `${n.id} (${n.port})`).join(', ')}; its config: ${conf}`);
	} catch (error) {
		await stop();
		throw error;
	}
	return { url: origin, nodes: nodeApi, prefix, stop };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		const cluster = await startCluster();
		console.log(`\nMedCluster runs on several nodes at ${cluster.url}  (Ctrl-C stops nginx and every node)`);
		let stopping = false;
		for (const signal of ['SIGINT', 'SIGTERM']) {
			process.on(signal, async () => {
				if (stopping) return;
				stopping = true;
				await cluster.stop();
				process.exit(0);
			});
		}
	} catch (error) {
		console.error(`✘ ${error.message}`);
		process.exit(1);
	}
}
