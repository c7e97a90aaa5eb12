// socket.io across nodes: @socket.io/postgres-adapter carries every room emit (chat, Q&A, presence,
// notifications) to the other nodes over LISTEN/NOTIFY on the portal's PostgreSQL. It needs a real
// `pg.Pool` (one of its clients stays on LISTEN), so it gets a small pool of its own; on PGlite (one
// process) socket.io keeps its in-memory adapter.
import type { Server } from 'socket.io';
import type { Logger } from '../logger';

export type AdapterHandle = { close(): Promise<void> };

export async function usePostgresAdapter(
	io: Server<any, any, any, any>,
	databaseUrl: string | undefined,
	logger?: Pick<Logger, 'warn'>
): Promise<AdapterHandle | undefined> {
	if (!databaseUrl) return undefined;
	const [{ default: pg }, { createAdapter }] = await Promise.all([import('pg'), import('@socket.io/postgres-adapter')]);
	// One client listens for good, the others publish and read attachments.
	const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
	// A client's error (database restarted, backend terminated) must not crash the process: the pool
	// hears idle clients, but the adapter keeps one checked out on LISTEN with no listener of its own,
	// so every client gets one for its whole life. The adapter reconnects when that client ends.
	const heard = (error: Error) => logger?.warn({ err: error }, 'socket.io adapter connection error');
	pool.on('connect', (client) => client.on('error', heard));
	pool.on('error', heard);
	io.adapter(createAdapter(pool, { errorHandler: (error) => logger?.warn({ err: error }, 'socket.io adapter error') }));
	return { close: () => pool.end().catch(() => {}) };
}
