// Placement across two real Janus servers (Debian's janus, started here with deploy/janus/): each
// server's load is the rooms Janus itself reports — including those another portal node made — and
// a server that stops answering is avoided. Runs inside the network namespace of
// `node scripts/test.js janus`; elsewhere it is skipped with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JanusSession } from '../../src/lib/server/media/janus/api';
import { createJanusBackend, type JanusBackend } from '../../src/lib/server/media/janus/janus-backend';
import { createJanusPool } from '../../src/lib/server/media/janus/janus-pool';
import type { MediaBackend } from '../../src/lib/server/media/backend';
import { janusUnavailableReason, startJanus, type RunningJanus } from '../support/janus';
import { silentLogger } from './media-support';

const skipReason = janusUnavailableReason();
if (skipReason) console.warn(`media-janus-pool tests skipped: ${skipReason}`);

type Pool = MediaBackend & { readonly placement: Record<string, string>; refreshLoad(): Promise<unknown> };

describe.skipIf(skipReason)('Janus pool placement by the load Janus reports', () => {
	let first: RunningJanus;
	let second: RunningJanus;
	const backendOf = (janus: RunningJanus): JanusBackend =>
		createJanusBackend(
			{
				JANUS_URL: janus.url,
				JANUS_API_SECRET: janus.apiSecret,
				MEDIA_ICE_SERVERS: [],
				JANUS_REQUEST_TIMEOUT_MS: 3_000
			},
			silentLogger
		);

	beforeAll(async () => {
		first = await startJanus({ httpPort: 5648, adminPort: 5649, rtpPortRange: '44000-44499' });
		second = await startJanus({ httpPort: 5658, adminPort: 5659, rtpPortRange: '44500-44999' });
	}, 45_000);
	afterAll(async () => {
		await first?.stop();
		await second?.stop();
	});

	it('counts the rooms on a server, whoever made them, and sends new rooms to the other server', async () => {
		// Another portal node: its own Janus session makes two rooms on the first server.
		const otherNode = await JanusSession.create({ url: first.url, apiSecret: first.apiSecret });
		const control = await otherNode.attach(() => {});
		for (const description of ['other-node-1', 'other-node-2'])
			await otherNode.message(control, { request: 'create', description, permanent: false });

		const [a, b] = [backendOf(first), backendOf(second)];
		expect(await a.roomsOnServer()).toBe(2);
		expect(await b.roomsOnServer()).toBe(0);

		const pool = createJanusPool(
			[
				{ url: first.url, backend: a, capacity: 10 },
				{ url: second.url, backend: b, capacity: 10 }
			],
			{ pollMs: 0 }
		) as Pool;
		await pool.refreshLoad();
		pool.room('ir-pool-1');
		pool.room('ir-pool-2');
		// Counted per node only, both rooms would have split 1/1; Janus says the first server has two already.
		expect(pool.placement).toEqual({ 'ir-pool-1': second.url, 'ir-pool-2': second.url });

		await otherNode.destroy();
		await pool.close();
	});

	it('avoids a server that stopped answering', async () => {
		const [a, b] = [backendOf(first), backendOf(second)];
		const pool = createJanusPool(
			[
				{ url: first.url, backend: a, capacity: 10 },
				{ url: second.url, backend: b, capacity: 10 }
			],
			{ pollMs: 0 }
		) as Pool;
		await second.stop();
		await pool.refreshLoad();
		pool.room('ir-pool-3');
		expect(pool.placement['ir-pool-3']).toBe(first.url);
		await pool.close();
	}, 30_000);
});
