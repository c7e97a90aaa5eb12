// Starting a fan-out worker thread. The worker is TypeScript (fanout-worker.ts and the SFU modules
// it shares with the main thread), loaded through tsx's loader inside the worker, from the source
// tree: beside this module when it runs from source (tests, benchmarks, dev), or under the working
// directory when it runs from the build (the production bundle has no separate worker entry).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerData } from './fanout-protocol';
import type { MediaNetworkConfig } from './peer-config';

export type WorkerEntry = { entry: string; tsx: string };

/** The worker's TypeScript source, and tsx to load it (from the source tree, or beside the build). */
export function workerEntry(): WorkerEntry | undefined {
	// Not a literal `new URL('./x.ts', import.meta.url)`: Vite would copy the bare .ts into the build.
	const beside = new URL(['.', 'fanout-worker.ts'].join('/'), import.meta.url);
	const candidates = [
		beside.protocol === 'file:' ? fileURLToPath(beside) : '',
		resolve(process.cwd(), 'src/lib/server/media/fanout-worker.ts')
	];
	const entry = candidates.find((file) => file && existsSync(file));
	if (!entry) return undefined;
	try {
		const tsx = createRequire(entry)
			.resolve('tsx/esm/api')
			.replace(/\.cjs$/, '.mjs');
		return { entry: pathToFileURL(entry).href, tsx: pathToFileURL(tsx).href };
	} catch {
		return undefined;
	}
}

const BOOT = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ register }) => { register(); return import(workerData.entry); }).catch((error) => { console.error(error); process.exit(1); });`;

export function startWorker(entry: WorkerEntry, config: MediaNetworkConfig): Worker {
	const data: WorkerData & { tsx: string } = { config, entry: entry.entry, tsx: entry.tsx };
	return new Worker(BOOT, { eval: true, workerData: data });
}
