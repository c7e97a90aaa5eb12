// A lost or refused database connection becomes one domain error (503, translated) at the pool, so
// every route, action and socket handler that already maps domain errors answers an outage correctly.
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import { DomainError } from '../errors';

export class DatabaseUnavailableError extends DomainError {
	constructor(cause?: unknown) {
		super('database_unavailable', 503);
		this.cause = cause;
	}
}

// Socket failures while connecting or talking to the server.
const NETWORK_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENOTFOUND',
	'EAI_AGAIN'
]);
// admin_shutdown (restart, pg_terminate_backend), crash_shutdown, cannot_connect_now (starting up),
// too_many_connections; class 08 is "connection exception".
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
// What `pg` says when the socket closed under it, or when it refuses a client it already saw fail.
const MESSAGES =
	/Connection terminated|not queryable|timeout exceeded when trying to connect|Connection ended unexpectedly/i;

/** Whether `error` means the database cannot be reached now (as opposed to a bad query). */
export function isConnectionLoss(error: unknown): boolean {
	if (error instanceof DatabaseUnavailableError) return true;
	if (typeof error !== 'object' || error === null) return false;
	const { code, message } = error as { code?: unknown; message?: unknown };
	if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATES.has(code) || code.startsWith('08')))
		return true;
	if (typeof message === 'string' && MESSAGES.test(message)) return true;
	const nested = (error as { errors?: unknown }).errors; // AggregateError of a dual-stack connect
	return Array.isArray(nested) && nested.some(isConnectionLoss);
}

function translate(error: unknown): never {
	throw isConnectionLoss(error) && !(error instanceof DatabaseUnavailableError)
		? new DatabaseUnavailableError(error)
		: error;
}

type PgClient = {
	query(...args: unknown[]): unknown;
	release(): void;
};
type PgPool = { connect(): Promise<PgClient>; end(): Promise<void> };

/** The pool Kysely sees: connection failures from connect() and query() surface as DatabaseUnavailableError. */
export function guardPool(pool: PgPool): PostgresPool {
	// One wrapper per pg client, so Kysely's per-client connection cache keeps working.
	const wrappers = new WeakMap<PgClient, PostgresPoolClient>();
	return {
		async connect() {
			const client = await pool.connect().catch(translate);
			let wrapper = wrappers.get(client);
			if (!wrapper) {
				wrapper = {
					query(...args: unknown[]) {
						const result = client.query(...args);
						// A cursor (streaming) is returned as is; its reads fail like any query.
						return result instanceof Promise ? result.catch(translate) : result;
					},
					// pg-pool replaces `release` on every checkout: look it up each time.
					release: () => client.release()
				} as PostgresPoolClient;
				wrappers.set(client, wrapper);
			}
			return wrapper;
		},
		end: () => pool.end()
	};
}
