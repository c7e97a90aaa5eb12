// `npm run db:restore -- <file>`: restores a backup made by db:backup into DATABASE_URL (replacing its
// contents) or into DATA_DIR (which must be empty: move the old folder away first).
import { resolve } from 'node:path';
import { readConfig } from '../src/lib/server/config';
import { restorePGlite, restorePostgres } from '../src/lib/server/backup/backup';

const config = readConfig();
const given = process.argv[2];
if (!given) {
	console.error('Usage: npm run db:restore -- <backup file>');
	process.exit(2);
}
const file = resolve(given);
if (config.DATABASE_URL) await restorePostgres(config.DATABASE_URL, file);
else await restorePGlite(file, resolve(config.DATA_DIR));
console.log(JSON.stringify({ database: config.DATABASE_URL ? 'postgres' : 'pglite', restored: file }));
