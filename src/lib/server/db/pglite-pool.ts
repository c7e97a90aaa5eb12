// A pg-Pool-shaped adapter over one embedded PGlite instance, so Kysely's PostgresDialect can drive it.
// PGlite is a single connection: clients are handed out one at a time, which serialises transactions.
import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

const WRITE_COMMAND = /^\s*(insert|update|delete|merge)\b/i;
const ACQUIRE_TIMEOUT_MS = 30_000;

function commandOf(sql: string, affectedRows: number): PostgresQueryResult<unknown>['command'] {
	const match = WRITE_COMMAND.exec(sql);
	if (match) return match[1].toUpperCase() as PostgresQueryResult<unknown>['command'];
	// A CTE that writes ("with ... update ...") reports affected rows; a plain select reports none.
	return affectedRows > 0 ? 'UPDATE' : 'SELECT';
}

export class PGlitePool implements PostgresPool {
	#queue: Promise<void> = Promise.resolve();
	#ended = false;

	constructor(private readonly pg: PGlite) {}

	async connect(): Promise<PostgresPoolClient> {
		if (this.#ended) throw new Error('The embedded database is closed');
		let release!: () => void;
		const released = new Promise<void>((resolve) => (release = resolve));
		const previous = this.#queue;
		this.#queue = previous.then(() => released);
		let timer: NodeJS.Timeout | undefined;
		await Promise.race([
			previous,
			new Promise((_, reject) => {
				timer = setTimeout(
					() => reject(new Error('Timed out waiting for the embedded database connection')),
					ACQUIRE_TIMEOUT_MS
				);
			})
		])
			.catch((error) => {
				// Give our place in the queue back once the holder is done, or every later caller waits forever.
				void previous.then(release);
				throw error;
			})
			.finally(() => clearTimeout(timer));

		const pg = this.pg;
		let done = false;
		const client = {
			async query(sql: string, parameters: readonly unknown[]) {
				const result = await pg.query(sql, parameters as unknown[]);
				const affected = result.affectedRows ?? 0;
				return { command: commandOf(sql, affected), rowCount: affected, rows: result.rows };
			},
			release() {
				if (done) return;
				done = true;
				release();
			}
		};
		return client as unknown as PostgresPoolClient;
	}

	async end(): Promise<void> {
		if (this.#ended) return;
		this.#ended = true;
		await this.#queue;
		await this.pg.close();
	}
}
