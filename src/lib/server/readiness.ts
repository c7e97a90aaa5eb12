// What /readyz reports: a list of named checks, each "ok" or a short word for what is wrong. Other
// parts of the server add their own (e.g. room leases) with `runtime.readiness.push(...)`.
import { sql } from 'kysely';
import type { Database } from './db/connect';

export type ReadinessCheck = {
	name: string;
	/** Resolves to 'ok', or to a short reason ('unreachable', 'down', 'draining'); a throw counts as 'failed'. */
	run(): Promise<string> | string;
};

export type Readiness = { ready: boolean; checks: Record<string, string> };

/** Each check is given `timeoutMs`: a hung database must not hang the probe. */
export async function checkReadiness(checks: readonly ReadinessCheck[], timeoutMs = 2_000): Promise<Readiness> {
	const results = await Promise.all(
		checks.map(async (check) => {
			let timer: ReturnType<typeof setTimeout> | undefined;
			const timeout = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
			try {
				return [check.name, await Promise.race([Promise.resolve().then(() => check.run()), timeout])] as const;
			} catch {
				return [check.name, 'failed'] as const;
			} finally {
				clearTimeout(timer);
			}
		})
	);
	return { ready: results.every(([, result]) => result === 'ok'), checks: Object.fromEntries(results) };
}

/** The database answers a query; the LISTEN connection (live pushes) is open. */
export function databaseChecks(database: Database): ReadinessCheck[] {
	return [
		{
			name: 'database',
			run: () =>
				sql`select 1`.execute(database.db).then(
					() => 'ok',
					() => 'unreachable'
				)
		},
		{ name: 'listen', run: () => (database.listening() ? 'ok' : 'down') }
	];
}
