// What server.js needs from the SvelteKit bundle, handed over through a global symbol because
// server.js cannot import the bundle's internal modules.
import type { Server as HttpServer } from 'node:http';
import { attachRealtime } from './realtime/attach';
import { getRuntime, stopRuntime } from './runtime';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/index';

export type Lifecycle = {
	attachRealtime(server: HttpServer): Promise<unknown>;
	shutdown(): Promise<void>;
	summary(): { database: string; demo: { password: string; accounts: readonly { role: string; email: string }[] } | null };
};

export function exposeLifecycle(): void {
	const lifecycle: Lifecycle = {
		attachRealtime,
		shutdown: stopRuntime,
		summary: () => ({
			database: getRuntime().database.kind,
			demo: getRuntime().config.SEED_DEMO ? { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS } : null
		})
	};
	(globalThis as Record<symbol, unknown>)[Symbol.for('medcluster.lifecycle')] = lifecycle;
}
