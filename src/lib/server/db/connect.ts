// Opens the database: PostgreSQL through `pg` when a URL is given, else embedded PGlite in a folder.
import { Kysely, PostgresDialect } from 'kysely';
import type { DB } from './types';
import { PGlitePool } from './pglite-pool';
import { guardPool } from './unavailable';
import { createPgListener } from './pg-listener';
import type { Logger } from '../logger';

export type DatabaseConfig = { url?: string; dataDir?: string; poolSize?: number; logger?: Logger };

export type Database = {
	db: Kysely<DB>;
	kind: 'postgres' | 'pglite';
	/** LISTEN on a channel; NOTIFY sent inside a transaction arrives only after it commits. */
	listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
	/** Whether LISTEN is live now (PGlite's always is). */
	listening(): boolean;
	/** Runs `handler` each time the LISTEN connection is reopened: NOTIFYs sent while it was down are lost. */
	onListenReconnect(handler: () => void | Promise<void>): () => void;
	close(): Promise<void>;
};

const CHANNEL = /^[a-z_][a-z0-9_]*$/;

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

async function openPostgres(url: string, poolSize: number, logger?: Logger): Promise<Database> {
	const { default: pg } = await import('pg');
	const types = {
		getTypeParser(oid: number, format?: 'text' | 'binary') {
			if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
			if (oid === DATE) return (value: string) => value;
			return pg.types.getTypeParser(oid, format);
		}
	};
	const pool = new pg.Pool({ connectionString: url, max: poolSize, types, keepAlive: true });
	// pg-pool listens for errors only on idle clients; a checked-out client whose backend is terminated
	// emits 'error' too, and an unheard 'error' event ends the process. Its query fails on its own.
	pool.on('connect', (client) =>
		client.on('error', (error) => logger?.warn({ err: error }, 'database connection lost'))
	);
	pool.on('error', (error) => logger?.warn({ err: error }, 'idle database connection lost'));
	const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: guardPool(pool) }) });
	const listener = createPgListener({
		newClient: () => new pg.Client({ connectionString: url, keepAlive: true }),
		logger
	});
	return {
		db,
		kind: 'postgres',
		listen: (channel, onPayload) => listener.listen(channel, onPayload),
		listening: () => listener.isUp(),
		onListenReconnect: (handler) => listener.onReconnect(handler),
		async close() {
			await listener.close();
			await db.destroy();
		}
	};
}

async function openPGlite(dataDir: string | undefined): Promise<Database> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
	const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
	const parsers = {
		[INT8]: (value: string) => Number(value),
		[NUMERIC]: (value: string) => Number(value),
		[DATE]: (value: string) => value
	};
	const pg = await PGlite.create({
		dataDir: dataDir ?? 'memory://',
		extensions: { btree_gist, pg_trgm },
		parsers
	});
	const pool = new PGlitePool(pg);
	const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
	// LISTEN must not land inside someone else's open transaction: take the connection first.
	const exclusively = async <T>(work: () => Promise<T>): Promise<T> => {
		const client = await pool.connect();
		try {
			return await work();
		} finally {
			client.release();
		}
	};
	return {
		db,
		kind: 'pglite',
		async listen(channel, onPayload) {
			if (!CHANNEL.test(channel)) throw new Error(`Bad channel name: ${channel}`);
			const unlisten = await exclusively(() => pg.listen(channel, onPayload));
			return async () => {
				if (!pg.closed) await exclusively(() => unlisten());
			};
		},
		listening: () => !pg.closed,
		// In-process: the LISTEN never drops.
		onListenReconnect: () => () => {},
		close: () => db.destroy()
	};
}

export function openDatabase(config: DatabaseConfig): Promise<Database> {
	return config.url ? openPostgres(config.url, config.poolSize ?? 10, config.logger) : openPGlite(config.dataDir);
}
