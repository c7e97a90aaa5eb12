import { describe, expect, it } from 'vitest';
import { usesNodeX25519 } from './node-x25519';
import { createPublisherConnection, createSubscriberConnection } from './peer-config';

const config = { MEDIA_LISTEN_IP: '127.0.0.1', MEDIA_PORT_MIN: 46000, MEDIA_PORT_MAX: 46099 };

describe('the SFU peer connections', () => {
	it("handshake with Node's X25519 from the first connection a thread makes", async () => {
		// Each test file has its own process: nothing has installed it yet, so this cannot pass by accident.
		expect(usesNodeX25519()).toBe(false);
		const subscriber = createSubscriberConnection(config);
		expect(usesNodeX25519()).toBe(true);
		const publisher = createPublisherConnection(config);
		expect(usesNodeX25519()).toBe(true);
		await Promise.all([subscriber.close(), publisher.close()]);
	});
});
