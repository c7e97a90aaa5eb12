// One LISTEN connection for every channel, reopened with backoff when it drops (database restart,
// pg_terminate_backend), so live pushes resume; NOTIFYs sent while it was down are lost, hence the
// reconnect handlers, which let the app re-announce what may have been missed.
import type { Logger } from '../logger';

type Client = {
	connect(): Promise<unknown>;
	query(sql: string): Promise<unknown>;
	end(): Promise<void>;
	on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): unknown;
	on(event: 'error' | 'end', listener: (error?: Error) => void): unknown;
};

export type ListenerOptions = {
	newClient: () => Client;
	logger?: Logger;
	minDelayMs?: number;
	maxDelayMs?: number;
};

const CHANNEL = /^[a-z_][a-z0-9_]*$/;

/** The delay before reconnect attempt `attempt` (0-based): doubling, capped, with jitter so nodes spread out. */
export function reconnectDelay(attempt: number, minMs: number, maxMs: number, random = Math.random): number {
	const base = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 20));
	return Math.round(base / 2 + (random() * base) / 2);
}

export function createPgListener(options: ListenerOptions) {
	const { logger, minDelayMs = 250, maxDelayMs = 10_000 } = options;
	const channels = new Map<string, Set<(payload: string) => void>>();
	const reconnectHandlers = new Set<() => void | Promise<void>>();
	let client: Client | undefined;
	let up = false;
	let closed = false;
	let everUp = false;
	let attempt = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let opening: Promise<void> | undefined;

	function lost(from: Client, error?: Error) {
		if (client !== from) return; // an older client, already replaced
		client = undefined;
		up = false;
		from.end().catch(() => {});
		if (closed) return;
		logger?.warn({ err: error }, 'LISTEN connection lost; reopening');
		schedule();
	}

	function schedule() {
		if (closed || timer) return;
		timer = setTimeout(
			() => {
				timer = undefined;
				void open().catch(() => {});
			},
			reconnectDelay(attempt++, minDelayMs, maxDelayMs)
		);
		timer.unref?.();
	}

	async function connectOnce(): Promise<void> {
		const next = options.newClient();
		// Errors arrive as events too; without a listener Node would end the process.
		next.on('error', (error) => lost(next, error));
		next.on('end', () => lost(next));
		next.on('notification', (message) => {
			if (client !== next) return; // a replaced client's late delivery
			for (const handler of channels.get(message.channel) ?? []) handler(message.payload ?? '');
		});
		client = next;
		try {
			await next.connect();
			for (const channel of channels.keys()) await next.query(`listen ${channel}`);
		} catch (error) {
			if (client === next) client = undefined;
			next.end().catch(() => {});
			throw error;
		}
		if (closed) return void next.end().catch(() => {});
		up = true;
		attempt = 0;
		const reopened = everUp;
		everUp = true;
		if (reopened) {
			logger?.info({ channels: [...channels.keys()] }, 'LISTEN connection reopened');
			for (const handler of reconnectHandlers) {
				Promise.resolve()
					.then(handler)
					.catch((error) => logger?.error({ err: error }, 'reconnect handler failed'));
			}
		}
	}

	function open(): Promise<void> {
		opening ??= connectOnce()
			.catch((error) => {
				logger?.warn({ err: error, attempt }, 'LISTEN connection failed');
				schedule();
				throw error;
			})
			.finally(() => (opening = undefined));
		return opening;
	}

	return {
		/** Subscribes to `channel`; resolves once the LISTEN is in place (rejects if the database is down). */
		async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
			if (!CHANNEL.test(channel)) throw new Error(`Bad channel name: ${channel}`);
			const handlers = channels.get(channel) ?? new Set();
			const fresh = handlers.size === 0;
			handlers.add(onPayload);
			channels.set(channel, handlers);
			try {
				if (opening) await opening;
				else if (!client) await open();
				else if (fresh && up) await client.query(`listen ${channel}`);
			} catch (error) {
				handlers.delete(onPayload);
				if (handlers.size === 0) channels.delete(channel);
				throw error;
			}
			return async () => {
				handlers.delete(onPayload);
				if (handlers.size > 0) return;
				channels.delete(channel);
				if (up) await client?.query(`unlisten ${channel}`).catch(() => {});
			};
		},
		/** Runs `handler` after each reopening (not the first opening). */
		onReconnect(handler: () => void | Promise<void>): () => void {
			reconnectHandlers.add(handler);
			return () => reconnectHandlers.delete(handler);
		},
		isUp: () => up,
		async close(): Promise<void> {
			closed = true;
			clearTimeout(timer);
			timer = undefined;
			up = false;
			const last = client;
			client = undefined;
			await last?.end().catch(() => {});
		}
	};
}

export type PgListener = ReturnType<typeof createPgListener>;
