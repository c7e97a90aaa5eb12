// The process-wide services (database, logger, mail worker), shared by SvelteKit's bundle and
// server.js / the Vite plugin, which load separate copies of this module: hence a global symbol.
import type { Kysely } from 'kysely';
import type { Server as SocketServer } from 'socket.io';
import { readConfig, type AppConfig } from './config';
import { createLogger, type Logger } from './logger';
import { openDatabase, type Database } from './db/connect';
import { migrateToLatest } from './db/migrate';
import type { DB } from './db/types';
import type { MediaBackend } from './media/backend';
import type { ClusterNode } from './cluster/node';
import { databaseChecks, type ReadinessCheck } from './readiness';
import type { ActiveRecordings } from './media/recording/active';

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
	stopWorkers: Array<() => Promise<void> | void>;
	/** What /readyz runs, by name; add to it rather than editing the route. */
	readiness: ReadinessCheck[];
	/** Set when shutdown begins: /readyz says so, so a load balancer stops sending new work. */
	draining: boolean;
};

const KEY = Symbol.for('medcluster.runtime');
type Holder = { starting?: Promise<Runtime>; current?: Runtime };
const holder = ((globalThis as Record<symbol, unknown>)[KEY] ??= {}) as Holder;

async function start(): Promise<Runtime> {
	const config = readConfig();
	const logger = createLogger(config.LOG_LEVEL);
	const database = await openDatabase({
		url: config.DATABASE_URL,
		dataDir: config.DATA_DIR,
		poolSize: config.DATABASE_POOL_SIZE,
		logger
	});
	// Without its own key a deployment's TOTP keys are encrypted with the development key, known to all.
	if (!config.TOTP_ENCRYPTION_KEY?.trim() && !config.SEED_DEMO)
		logger.warn('TOTP_ENCRYPTION_KEY is not set: TOTP keys are encrypted with the development key');
	const migrated = await migrateToLatest(database.db);
	logger.info(
		{ database: database.kind, applied: migrated.results?.map((r) => r.migrationName) ?? [] },
		'database ready'
	);
	const { countUnreadableTotpKeys } = await import('./auth/two-factor');
	const unreadableTotpKeys = await countUnreadableTotpKeys(database.db);
	if (unreadableTotpKeys > 0)
		logger.error(
			{ count: unreadableTotpKeys },
			'TOTP keys do not decrypt: TOTP_ENCRYPTION_KEY differs from the one they were stored with'
		);
	// Made here rather than on first use, so the manager's check-in page only reads (issue 19).
	const { ensureCheckInSecret } = await import('./courses/check-in');
	await ensureCheckInSecret(database.db);
	const runtime: Runtime = { config, logger, database, stopWorkers: [], readiness: [], draining: false };
	runtime.readiness.push(
		{ name: 'accepting', run: () => (runtime.draining ? 'draining' : 'ok') },
		...databaseChecks(database)
	);
	holder.current = runtime;
	if (config.SEED_DEMO) {
		const { seedDemoIfEmpty } = await import('./seed/index');
		const seeded = await seedDemoIfEmpty(database.db);
		if (seeded) logger.info({ seeded }, 'demo data seeded');
		if (seeded) {
			// Demo recordings (issue #14) are made by ffmpeg in the background: the server does not wait.
			const { seedDemoRecordings } = await import('./ir/recording/seed');
			const { recordingStore } = await import('./storage');
			void seedDemoRecordings(database.db, recordingStore(config), logger)
				.then((count) => count && logger.info({ count }, 'demo recordings seeded'))
				.catch((error) => logger.warn({ err: error }, 'demo recordings not seeded'));
		}
	}
	// The directory's taxonomy is kept per process, forgotten on every change any node announces.
	const { listenForTaxonomyChanges } = await import('./directory/taxonomy-cache');
	runtime.stopWorkers.push(await listenForTaxonomyChanges(database));
	const { createSelectedMediaBackend } = await import('./media/select-backend');
	const media = await createSelectedMediaBackend(config, logger);
	runtime.media = media;
	// Recordings finish their files before the SFU closes the tracks feeding them.
	const { ActiveRecordings } = await import('./media/recording/active');
	const recordings = (runtime.recordings = new ActiveRecordings(logger));
	runtime.stopWorkers.push(() => recordings.stopAll());
	runtime.stopWorkers.push(() => media.close());
	const { startMailWorker } = await import('./notify/mail-worker');
	runtime.stopWorkers.push(startMailWorker(runtime));
	// Periodic work (testbed, courses, meetings, reminders, digest) runs as jobs on PostgreSQL.
	const { startJobs } = await import('./jobs/start');
	runtime.stopWorkers.push(await startJobs(runtime));
	return runtime;
}

/** Starts the services once per process; later calls get the same runtime. */
export function startRuntime(): Promise<Runtime> {
	holder.starting ??= start().catch((error) => {
		holder.starting = undefined;
		throw error;
	});
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
