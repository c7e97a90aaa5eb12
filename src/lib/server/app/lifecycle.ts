// What server.js needs from the SvelteKit bundle, handed over through a global symbol because
// server.js cannot import the bundle's internal modules.
import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import { attachRealtime } from './realtime';
import { getRuntime, stopRuntime, tryGetRuntime } from '../runtime';
import { DEMO_ACCOUNTS, DEMO_OPERATOR_TOTP_KEY, DEMO_PASSWORD } from '../seed/index';

type LogFn = (context: Record<string, unknown>, message: string) => void;

export type Lifecycle = {
	attachRealtime(server: HttpServer): Promise<unknown>;
	/** Answers from the public-page cache when it can, else calls `next` (SvelteKit's handler). */
	handle(req: IncomingMessage, res: ServerResponse, next: () => void): void;
	/** Shutdown has begun: /readyz answers 503 ("draining") while requests in flight finish. */
	beginShutdown(): void;
	/** Closes the sockets, stops the workers, then closes the database. */
	shutdown(): Promise<void>;
	summary(): {
		database: string;
		demo: { password: string; accounts: readonly { role: string; email: string }[] } | null;
	};
	/** The app's logger, or the console once the runtime is gone. */
	log: { info: LogFn; warn: LogFn; error: LogFn; fatal: LogFn };
};

export function exposeLifecycle(): void {
	// Kept past stopRuntime, so the last lines of a shutdown are JSON like the rest.
	const startedWith = tryGetRuntime()?.logger;
	const logAt =
		(level: 'info' | 'warn' | 'error' | 'fatal'): LogFn =>
		(context, message) => {
			const logger = tryGetRuntime()?.logger ?? startedWith;
			if (logger) logger[level](context, message);
			else console.error(message, context);
		};
	const lifecycle: Lifecycle = {
		attachRealtime,
		handle: (req, res, next) => {
			const cache = tryGetRuntime()?.publicCache;
			if (cache) cache.handle(req, res, next);
			else next();
		},
		beginShutdown: () => {
			const runtime = tryGetRuntime();
			if (runtime) runtime.draining = true;
		},
		shutdown: stopRuntime,
		summary: () => ({
			database: getRuntime().database.kind,
			demo: getRuntime().config.SEED_DEMO
				? { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS, operatorTotpKey: DEMO_OPERATOR_TOTP_KEY }
				: null
		}),
		log: { info: logAt('info'), warn: logAt('warn'), error: logAt('error'), fatal: logAt('fatal') }
	};
	(globalThis as Record<symbol, unknown>)[Symbol.for('medcluster.lifecycle')] = lifecycle;
}
