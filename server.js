// Production entry: one HTTP server for SvelteKit's handler and socket.io, with graceful shutdown.
import http from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 20_000);

// The app's logger once the bundle has started, the console before.
const log = (level, context, message) => {
	const app = globalThis[Symbol.for('medcluster.lifecycle')];
	if (app) app.log[level](context, message);
	else console.error(message, context);
};
// A rejection nobody handled is a bug to fix, but not a reason to drop every request in flight.
process.on('unhandledRejection', (reason) => log('error', { err: reason }, 'unhandled promise rejection'));
// After an uncaught exception the process state is unknown: log it, exit non-zero, the supervisor restarts.
process.on('uncaughtException', (error, origin) => {
	log('fatal', { err: error, origin }, 'uncaught exception; exiting');
	process.exit(1);
});

// Without ORIGIN or PROTOCOL_HEADER, adapter-node assumes https, and SvelteKit's CSRF check would
// refuse form posts on plain http://localhost. This server knows whether the socket is TLS, so it
// states the protocol itself, in a header no client can set. Behind a TLS proxy set ORIGIN, or
// PROTOCOL_HEADER=x-forwarded-proto and HOST_HEADER=x-forwarded-host (see README).
const OWN_PROTOCOL_HEADER = 'x-medcluster-protocol';
const stateProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (stateProtocol) process.env.PROTOCOL_HEADER = OWN_PROTOCOL_HEADER;

// Importing the handler runs SvelteKit's init hook: database, migrations, demo seed.
// Pitch decks may be 20 MB (every upload checks its own limit); adapter-node's default is 512 KB.
process.env.BODY_SIZE_LIMIT ??= '25M';
const buildDir = process.env.BUILD_DIR ?? 'build';
// Relative to this file (the default), or an absolute folder such as /tmp/build-x.
const here = fileURLToPath(new URL('.', import.meta.url));
const { handler } = await import(pathToFileURL(resolve(here, buildDir, 'handler.js')).href);
const lifecycle = globalThis[Symbol.for('medcluster.lifecycle')];
if (!lifecycle) throw new Error('The SvelteKit bundle did not start (no lifecycle found)');

// Requests the app is answering (socket.io's own transport requests never reach this handler).
const active = new Set();
let draining = false;
let onDrained = () => {};

// Liveness probes arrive every few seconds from every balancer: answered here, before SvelteKit's
// request machinery (hooks, cookies, locale), which would cost it ten times the CPU. Same body as
// src/routes/healthz (which answers under `npm run dev`).
function answerHealth(res) {
	const body = JSON.stringify({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
	res.writeHead(200, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(body),
		'cache-control': 'no-store',
		'x-content-type-options': 'nosniff'
	});
	res.end(body);
}

const server = http.createServer((req, res) => {
	if (stateProtocol)
		req.headers[OWN_PROTOCOL_HEADER] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
	active.add(res);
	// 'close' follows the last byte sent, or an aborted connection: either way the request is over.
	res.on('close', () => {
		active.delete(res);
		if (draining && active.size === 0) onDrained();
	});
	if (draining) res.setHeader('connection', 'close');
	if (req.url === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) return answerHealth(res);
	// Anonymous readers of public pages may be answered from a cache of a few seconds (README "Page performance").
	lifecycle.handle(req, res, () => handler(req, res));
});
await lifecycle.attachRealtime(server);

server.listen(port, host, () => {
	const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	const { database, demo } = lifecycle.summary();
	console.log(`\nMedCluster is running at http://${shownHost}:${port}  (database: ${database})`);
	if (demo) {
		console.log(`Demo sign-ins (password: ${demo.password}):`);
		for (const account of demo.accounts) console.log(`  ${account.role.padEnd(22)} ${account.email}`);
		if (demo.operatorTotpKey)
			console.log(
				`The operator's two-step verification key (TOTP, add it to an authenticator app): ${demo.operatorTotpKey}`
			);
	}
});

/** Resolves true once no request is in flight, or false when `ms` pass first. */
function requestsFinished(ms) {
	if (active.size === 0) return Promise.resolve(true);
	return new Promise((resolve) => {
		const timer = setTimeout(() => resolve(false), ms);
		onDrained = () => {
			clearTimeout(timer);
			resolve(true);
		};
	});
}

/**
 * SIGTERM/SIGINT: stop accepting connections, let the requests in flight finish (at most
 * SHUTDOWN_TIMEOUT_MS), then close the sockets, the workers and the database, and exit 0.
 */
let closing = false;
async function shutdown(signal) {
	if (closing) return;
	closing = true;
	draining = true;
	lifecycle.log.info(
		{ signal, inFlight: active.size, deadlineMs: shutdownTimeoutMs },
		'shutting down: finishing requests in flight'
	);
	lifecycle.beginShutdown();
	const force = setTimeout(() => {
		lifecycle.log.error({ inFlight: active.size }, 'shutdown did not finish in time; exiting');
		process.exit(1);
	}, shutdownTimeoutMs + 15_000);
	force.unref();
	server.close();
	// Responses not yet started close their connection, so keep-alive clients go elsewhere.
	for (const res of active) if (!res.headersSent) res.setHeader('connection', 'close');
	server.closeIdleConnections();
	const finished = await requestsFinished(shutdownTimeoutMs);
	if (!finished) lifecycle.log.warn({ inFlight: active.size }, 'shutdown deadline passed with requests in flight');
	// Connections that became idle after their last response, or whose socket.io transport closes now.
	const sweep = setInterval(() => server.closeIdleConnections(), 200);
	const cut = setTimeout(() => server.closeAllConnections(), 3_000);
	try {
		await lifecycle.shutdown();
	} catch (error) {
		lifecycle.log.error({ err: error }, 'shutdown failed');
		process.exit(1);
	}
	clearInterval(sweep);
	clearTimeout(cut);
	server.closeAllConnections();
	lifecycle.log.info({ finished }, 'shut down');
	process.exit(0);
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
