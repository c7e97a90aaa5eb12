// Backups: pg_dump/pg_restore (custom format) for PostgreSQL, PGlite's own data-folder dump for the
// embedded default. A PGlite folder can only be opened by one process: stop the portal first.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { findPgTool } from './pg-tools';

const run = promisify(execFile);
const MAX_OUTPUT = 16 * 1024 * 1024;

export async function backupPostgres(url: string, file: string): Promise<void> {
	await mkdir(dirname(file), { recursive: true });
	await run(
		findPgTool('pg_dump'),
		['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${url}`],
		{ maxBuffer: MAX_OUTPUT }
	);
}

/** Restores into `url`, replacing what is there; all or nothing (one transaction, stop at the first error). */
export async function restorePostgres(url: string, file: string): Promise<void> {
	if (!existsSync(file)) throw new Error(`No backup file at ${file}`);
	await run(
		findPgTool('pg_restore'),
		[
			'--clean',
			'--if-exists',
			'--no-owner',
			'--no-privileges',
			'--single-transaction',
			'--exit-on-error',
			`--dbname=${url}`,
			file
		],
		{ maxBuffer: MAX_OUTPUT }
	);
}

async function openPGlite(options: { dataDir: string; loadDataDir?: Blob }) {
	const { PGlite } = await import('@electric-sql/pglite');
	const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
	const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
	return PGlite.create({ ...options, extensions: { btree_gist, pg_trgm } });
}

export async function backupPGlite(dataDir: string, file: string): Promise<void> {
	if (!existsSync(dataDir)) throw new Error(`No embedded database at ${dataDir}`);
	const pg = await openPGlite({ dataDir });
	try {
		const dump = await pg.dumpDataDir('gzip');
		await mkdir(dirname(file), { recursive: true });
		await writeFile(file, new Uint8Array(await dump.arrayBuffer()));
	} finally {
		await pg.close();
	}
}

/** Restores into `dataDir`, which must be empty or missing (an existing database is never overwritten). */
export async function restorePGlite(file: string, dataDir: string): Promise<void> {
	if (!existsSync(file)) throw new Error(`No backup file at ${file}`);
	if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
		throw new Error(`${dataDir} is not empty: move it away first`);
	await mkdir(dataDir, { recursive: true });
	const pg = await openPGlite({ dataDir, loadDataDir: new Blob([await readFile(file)]) });
	await pg.close();
}
