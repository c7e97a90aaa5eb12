// Builds the SFU's native send path (native/srtp_send.c → native/build/srtp_send.node), and the SFU
// benchmark's receive counter (native/udp_drain.c, bench only), with the machine's C compiler
// against the headers that ship with Node (N-API and Node's OpenSSL). Run by
// `npm ci`/`npm install` (postinstall), `npm start` and `npm test` when the addon is missing or
// older than its source. Never fails the install: without a compiler or Node's headers the SFU
// uses its JavaScript send path (media/native-srtp.ts says which one a process took).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ADDONS = ['srtp_send', 'udp_drain'];
const FALLBACK = {
	srtp_send: 'the SFU will use its JavaScript send path',
	udp_drain: "the SFU benchmark's light viewers will read through Node's dgram"
};

/** Node's own headers: next to the binary (official tarballs, Debian's nodejs), or npm's nodedir. */
function headerDir() {
	const candidates = [
		join(dirname(process.execPath), '..', 'include', 'node'),
		process.env.npm_config_nodedir && join(process.env.npm_config_nodedir, 'include', 'node')
	].filter(Boolean);
	return candidates.find((dir) => existsSync(join(dir, 'node_api.h')) && existsSync(join(dir, 'openssl', 'evp.h')));
}

/** Builds every addon that is missing or older than its source; false when one could not be built. */
export function buildNative({ quiet = false } = {}) {
	return ADDONS.map((name) => buildAddon(name, quiet)).every(Boolean);
}

function buildAddon(name, quiet) {
	const source = join(root, 'native', `${name}.c`);
	const output = join(root, 'native', 'build', `${name}.node`);
	if (existsSync(output) && statSync(output).mtimeMs >= statSync(source).mtimeMs) return true;
	const include = headerDir();
	const say = (message) => quiet || console.log(`[native] ${message}`);
	if (!include) {
		say(`Node's headers (node_api.h, openssl/evp.h) not found: ${FALLBACK[name]}`);
		return false;
	}
	mkdirSync(dirname(output), { recursive: true });
	const compiler = process.env.CC || 'cc';
	const result = spawnSync(compiler, ['-O2', '-Wall', '-shared', '-fPIC', `-I${include}`, '-o', output, source], {
		stdio: quiet ? 'ignore' : 'inherit'
	});
	if (result.status !== 0) {
		say(`${compiler} could not build native/${name}.c: ${FALLBACK[name]}`);
		return false;
	}
	say(`built native/build/${name}.node`);
	return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) buildNative();
