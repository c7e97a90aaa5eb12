// Production entry: one HTTP server for SvelteKit's handler and socket.io, with graceful shutdown.
import http from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

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

const server = http.createServer((req, res) => {
	if (stateProtocol) req.headers[OWN_PROTOCOL_HEADER] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
	handler(req, res);
});
await lifecycle.attachRealtime(server);

server.listen(port, host, () => {
	const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	const { database, demo } = lifecycle.summary();
	console.log(`\nMedCluster is running at http://${shownHost}:${port}  (database: ${database})`);
	if (demo) {
		console.log(`Demo sign-ins (password: ${demo.password}):`);
		for (const account of demo.accounts) console.log(`  ${account.role.padEnd(22)} ${account.email}`);
	}
});

let closing = false;
async function shutdown(signal) {
	if (closing) return;
	closing = true;
	console.log(`${signal}: shutting down`);
	const force = setTimeout(() => process.exit(1), 10_000);
	force.unref();
	server.close();
	server.closeIdleConnections?.();
	try {
		await lifecycle.shutdown();
	} finally {
		process.exit(0);
	}
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
