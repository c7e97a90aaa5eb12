// Route modules (endpoints, form actions) read the process runtime's database. A test file that calls
// them directly opens its own database and stands it in as the runtime's until the file is done.
import { readConfig } from '$lib/server/config';
import { createLogger } from '$lib/server/logger';
import type { Database } from '$lib/server/db/connect';
import { createTestDatabase } from './database';

const holder = ((globalThis as Record<symbol, unknown>)[Symbol.for('medcluster.runtime')] ??= {}) as {
	current?: unknown;
};

export async function openRuntimeDatabase(): Promise<Database> {
	const database = await createTestDatabase();
	holder.current = {
		config: readConfig({}),
		logger: createLogger('silent'),
		database,
		stopWorkers: [],
		readiness: [],
		draining: false
	};
	return database;
}

export async function closeRuntimeDatabase(database: Database | undefined): Promise<void> {
	holder.current = undefined;
	await database?.close();
}
