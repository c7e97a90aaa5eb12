// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database in DATA_DIR).
import { readConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';

const config = readConfig();
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
	const { results } = await migrateToLatest(database.db);
	const applied = results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
	console.log(JSON.stringify({ database: database.kind, applied }));
} finally {
	await database.close();
}
