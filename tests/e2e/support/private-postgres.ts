// A throwaway PostgreSQL 15 cluster for tests that stop, restart or starve the database: never the
// shared server on 5432. initdb and pg_ctl refuse to run as root, so they run as the postgres user.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const BIN = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';

export type PrivatePostgres = {
	url: string;
	start(): void;
	stop(): void;
	restart(): void;
	/** Runs one statement on a connection of its own. */
	query<R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
	/** Stops the server and removes its folder (safe to call twice, and after a failed start). */
	destroy(): void;
};

function asPostgres(args: string[]) {
	execFileSync('runuser', ['-u', 'postgres', '--', ...args], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
}

export function createPrivatePostgres(port: number): PrivatePostgres {
	if (process.getuid?.() !== 0)
		throw new Error(
			'This test starts a private PostgreSQL as the postgres user (runuser): run it as root, as CI does.'
		);
	if (!existsSync(join(BIN, 'initdb')))
		throw new Error(`No PostgreSQL 15 binaries in ${BIN} (apt-get install postgresql-15, or set PG_BIN_DIR)`);
	const root = mkdtempSync(join(tmpdir(), 'medcluster-pg-'));
	const { uid, gid } = {
		uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
		gid: Number(execFileSync('id', ['-g', 'postgres']).toString())
	};
	chownSync(root, uid, gid);
	chmodSync(root, 0o700);
	const data = join(root, 'data');
	const ctl = (action: string, extra: string[] = []) =>
		asPostgres([
			join(BIN, 'pg_ctl'),
			'-D',
			data,
			'-l',
			join(root, 'log'),
			'-o',
			`-p ${port} -k ${root} -c listen_addresses=127.0.0.1`,
			'-w',
			'-t',
			'60',
			...extra,
			action
		]);
	let running = false;
	asPostgres([join(BIN, 'initdb'), '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
	const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
	return {
		url,
		start() {
			ctl('start');
			running = true;
		},
		stop() {
			ctl('stop', ['-m', 'fast']);
			running = false;
		},
		restart() {
			ctl('restart', ['-m', 'fast']);
			running = true;
		},
		async query(sql, params = []) {
			const client = new pg.Client({ connectionString: url });
			await client.connect();
			try {
				return (await client.query(sql, params)).rows;
			} finally {
				await client.end();
			}
		},
		destroy() {
			// Also after a start that failed half-way: pg_ctl stop on a stopped cluster just fails.
			try {
				if (existsSync(join(data, 'postmaster.pid')) || running) ctl('stop', ['-m', 'immediate']);
			} catch {
				// Already stopped.
			}
			running = false;
			rmSync(root, { recursive: true, force: true });
		}
	};
}
