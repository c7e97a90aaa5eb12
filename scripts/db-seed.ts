// `npm run db:seed`: migrates, then writes the demo data (idempotent: safe to run again).
import { readConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { seedDemo } from '../src/lib/server/seed/index';

const config = readConfig();
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
	await migrateToLatest(database.db);
	console.log(JSON.stringify({ database: database.kind, seeded: await seedDemo(database.db) }));
} finally {
	await database.close();
}
