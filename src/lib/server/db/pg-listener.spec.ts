import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createPgListener, reconnectDelay } from './pg-listener';

/** A stand-in for pg.Client: connects unless the "database" is down, records its queries. */
class FakeClient extends EventEmitter {
	queries: string[] = [];
	ended = false;
	constructor(private readonly database: { up: boolean }) {
		super();
	}
	async connect() {
		if (!this.database.up) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
	}
	async query(sql: string) {
		this.queries.push(sql);
	}
	async end() {
		this.ended = true;
	}
}

const until = async (condition: () => boolean) => {
	for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 2));
	expect(condition()).toBe(true);
};

function setup() {
	const database = { up: true };
	const clients: FakeClient[] = [];
	const listener = createPgListener({
		newClient: () => {
			const client = new FakeClient(database);
			clients.push(client);
			return client;
		},
		minDelayMs: 1,
		maxDelayMs: 4
	});
	return { database, clients, listener };
}

describe('pg listener', () => {
	it('shares one connection between channels and routes each notification to its channel', async () => {
		const { clients, listener } = setup();
		const a: string[] = [];
		const b: string[] = [];
		await listener.listen('chan_a', (p) => a.push(p));
		await listener.listen('chan_b', (p) => b.push(p));
		expect(clients).toHaveLength(1);
		expect(clients[0].queries).toEqual(['listen chan_a', 'listen chan_b']);
		clients[0].emit('notification', { channel: 'chan_b', payload: 'x' });
		expect([a, b]).toEqual([[], ['x']]);
		await expect(listener.listen('Bad-Name', () => {})).rejects.toThrow(/channel/);
		await listener.close();
	});

	it('after a lost connection it retries while the database is down, then listens again and announces the reconnect', async () => {
		const { database, clients, listener } = setup();
		const got: string[] = [];
		let reconnects = 0;
		listener.onReconnect(() => void reconnects++);
		await listener.listen('chan_a', (p) => got.push(p));
		expect(listener.isUp()).toBe(true);

		database.up = false;
		clients[0].emit('error', new Error('terminating connection due to administrator command'));
		expect(listener.isUp()).toBe(false);
		expect(clients[0].ended).toBe(true);
		await until(() => clients.length >= 3); // failed attempts while down
		expect(reconnects).toBe(0);

		database.up = true;
		await until(() => listener.isUp() && reconnects === 1);
		const current = clients.at(-1)!;
		expect(current.queries).toEqual(['listen chan_a']);
		current.emit('notification', { channel: 'chan_a', payload: 'after' });
		// The old client is ignored even if it still emits.
		clients[0].emit('notification', { channel: 'chan_a', payload: 'stale' });
		expect(got).toEqual(['after']);
		await listener.close();
		expect(current.ended).toBe(true);
	});

	it('does not reconnect after close', async () => {
		const { clients, listener } = setup();
		await listener.listen('chan_a', () => {});
		await listener.close();
		clients[0].emit('end');
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(clients).toHaveLength(1);
	});
});

describe('reconnectDelay', () => {
	it('doubles from the minimum up to the cap, with at most half taken off by jitter', () => {
		const none = () => 1;
		expect([0, 1, 2, 3, 10].map((n) => reconnectDelay(n, 250, 10_000, none))).toEqual([250, 500, 1000, 2000, 10_000]);
		expect(reconnectDelay(3, 250, 10_000, () => 0)).toBe(1000);
	});
});
