// The composition root: the one place that names every part of the portal. It opens the database,
// migrates, seeds the demo, and starts the media backend, recordings, the mail worker and the job
// runner; the socket layer is attached by app/realtime.ts once server.js has its HTTP server.
import { readConfig } from '../config';
import { createLogger } from '../logger';
import { openDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { databaseChecks } from '../readiness';
import { startRuntime, type Runtime } from '../runtime';
import { countUnreadableTotpKeys } from '../auth/two-factor';
import { ensureCheckInSecret } from '../courses/check-in';
import { startMailWorker } from '../notify/mail-worker';
import { startJobs } from './jobs';
import { createTaxonomyCache } from '../directory/taxonomy-cache';
import { createPublicCache } from '../http/public-cache';
import { cookieName } from '$lib/paraglide/runtime';

/** Starts the portal once per process; later calls get the same runtime. */
export const startApp = (): Promise<Runtime> => startRuntime(composeRuntime);

async function composeRuntime(publish: (runtime: Runtime) => void): Promise<Runtime> {
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
	const unreadableTotpKeys = await countUnreadableTotpKeys(database.db);
	if (unreadableTotpKeys > 0)
		logger.error(
			{ count: unreadableTotpKeys },
			'TOTP keys do not decrypt: TOTP_ENCRYPTION_KEY differs from the one they were stored with'
		);
	// Made here rather than on first use, so the manager's check-in page only reads (issue 19).
	await ensureCheckInSecret(database.db);
	const runtime: Runtime = { config, logger, database, stopWorkers: [], readiness: [], draining: false };
	runtime.readiness.push(
		{ name: 'accepting', run: () => (runtime.draining ? 'draining' : 'ok') },
		...databaseChecks(database)
	);
	// Seeding and the first jobs already reach the runtime (getDb, the SMTP setting).
	publish(runtime);
	if (config.SEED_DEMO) {
		const { seedDemoIfEmpty } = await import('../seed/index');
		const seeded = await seedDemoIfEmpty(database.db);
		if (seeded) logger.info({ seeded }, 'demo data seeded');
		if (seeded) {
			// Demo recordings (issue #14) are made by ffmpeg in the background: the server does not wait.
			const { seedDemoRecordings } = await import('../ir/recording/seed');
			const { recordingStore } = await import('../storage');
			void seedDemoRecordings(database.db, recordingStore(config), logger)
				.then((count) => count && logger.info({ count }, 'demo recordings seeded'))
				.catch((error) => logger.warn({ err: error }, 'demo recordings not seeded'));
		}
	}
	// The directory's taxonomy is kept per process, forgotten on every change any node announces.
	const taxonomy = (runtime.taxonomy = await createTaxonomyCache(database));
	runtime.stopWorkers.push(() => taxonomy.stop());
	// Anonymous readers' public pages, kept a few seconds in this process (README "Page performance").
	if (config.PUBLIC_CACHE_SECONDS > 0) runtime.publicCache = createPublicCache({ allowedCookie: cookieName });
	const { createSelectedMediaBackend } = await import('../media/select-backend');
	const media = await createSelectedMediaBackend(config, logger);
	runtime.media = media;
	// Recordings finish their files before the SFU closes the tracks feeding them.
	const { ActiveRecordings } = await import('../media/recording/active');
	const recordings = (runtime.recordings = new ActiveRecordings(logger));
	runtime.stopWorkers.push(() => recordings.stopAll());
	runtime.stopWorkers.push(() => media.close());
	runtime.stopWorkers.push(startMailWorker(runtime));
	// Periodic work (testbed, courses, meetings, reminders, digest) runs as jobs on PostgreSQL.
	runtime.stopWorkers.push(await startJobs(runtime));
	return runtime;
}
