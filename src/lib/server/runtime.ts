// The process-wide services (database, logger, mail worker), shared by SvelteKit's bundle and
// server.js / the Vite plugin, which load separate copies of this module: hence a global symbol.
// What goes into it is decided in one place, app/start.ts; this module names no domain.
import type { Kysely } from 'kysely';
import type { Server as SocketServer } from 'socket.io';
import type { AppConfig } from './config';
import type { Logger } from './logger';
import type { Database } from './db/connect';
import type { DB } from './db/types';
import type { MediaBackend } from './media/backend';
import type { ClusterNode } from './cluster/node';
import type { ReadinessCheck } from './readiness';
import type { ActiveRecordings } from './media/recording/active';
import type { TaxonomyCache } from './directory/taxonomy-cache';
import type { PublicCache } from './http/public-cache';

export type Runtime = {
	config: AppConfig;
	logger: Logger;
	database: Database;
	io?: SocketServer;
	/** The SFU of the live IR rooms (one per process). */
	media?: MediaBackend;
	/** This process as a node of several on one PostgreSQL (room leases); unset on embedded PGlite. */
	cluster?: ClusterNode;
	/** Recordings this node is writing from its live rooms (issue #14). */
	recordings?: ActiveRecordings;
	/** This process's copy of the directory taxonomy, forgotten on every announced change. */
	taxonomy?: TaxonomyCache;
	/** Anonymous readers' public pages, kept a few seconds (http/public-cache.ts); unset when off. */
	publicCache?: PublicCache;
	stopWorkers: Array<() => Promise<void> | void>;
	/** What /readyz runs, by name; add to it rather than editing the route. */
	readiness: ReadinessCheck[];
	/** Set when shutdown begins: /readyz says so, so a load balancer stops sending new work. */
	draining: boolean;
};

const KEY = Symbol.for('medcluster.runtime');
type Holder = { starting?: Promise<Runtime>; current?: Runtime };
const holder = ((globalThis as Record<symbol, unknown>)[KEY] ??= {}) as Holder;

/**
 * Starts the services once per process (app/start.ts composes them); later calls get the same
 * runtime, whoever asks first.
 */
export function startRuntime(compose: (publish: (runtime: Runtime) => void) => Promise<Runtime>): Promise<Runtime> {
	const publish = (runtime: Runtime) => {
		holder.current = runtime;
	};
	holder.starting ??= compose(publish).then(
		(runtime) => {
			publish(runtime);
			return runtime;
		},
		(error) => {
			holder.starting = undefined;
			throw error;
		}
	);
	return holder.starting;
}

/** The runtime being started or running, for code that runs beside SvelteKit (socket.io, server.js). */
export function runtimeStarting(): Promise<Runtime> | undefined {
	return holder.starting;
}
export function getRuntime(): Runtime {
	if (!holder.current) throw new Error('The runtime has not been started (startRuntime)');
	return holder.current;
}

export function tryGetRuntime(): Runtime | undefined {
	return holder.current;
}

export const getDb = (): Kysely<DB> => getRuntime().database.db;
export const getLogger = (): Logger => getRuntime().logger;

export async function stopRuntime(): Promise<void> {
	const runtime = holder.current;
	if (!runtime) return;
	runtime.draining = true;
	// Every worker gets its chance to stop even if one fails; the database closes last. The runtime
	// stays reachable until then, so late work fails on the closed pool, not on a missing runtime.
	for (const stop of runtime.stopWorkers) {
		try {
			await stop();
		} catch (error) {
			runtime.logger.error({ err: error }, 'a worker failed to stop');
		}
	}
	await runtime.database.close();
	holder.current = undefined;
	holder.starting = undefined;
}
