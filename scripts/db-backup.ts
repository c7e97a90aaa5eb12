// `npm run db:backup [-- <file>]`: a backup of DATABASE_URL (pg_dump, custom format) or of the embedded
// database in DATA_DIR (PGlite's dump; stop the portal first). Prints where it went.
import { resolve } from 'node:path';
import { readConfig } from '../src/lib/server/config';
import { backupPGlite, backupPostgres } from '../src/lib/server/backup/backup';

const config = readConfig();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const file = resolve(process.argv[2] ?? `backups/medcluster-${stamp}.${config.DATABASE_URL ? 'dump' : 'tar.gz'}`);
if (config.DATABASE_URL) await backupPostgres(config.DATABASE_URL, file);
else await backupPGlite(resolve(config.DATA_DIR), file);
console.log(JSON.stringify({ database: config.DATABASE_URL ? 'postgres' : 'pglite', file }));
