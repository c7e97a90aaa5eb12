// The SFU's two send paths (the native addon and Node's crypto + dgram) put the same packets on
// the wire: real UDP sockets on 127.0.0.1, SRTP AES-128-GCM contexts of werift on both ends, and
// the receiving end authenticates and decrypts every packet as a browser would.
import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { RtpPacket, SrtpSession } from 'werift';
import { loadNativeSend, nativeSend, type NativeSend } from './native-srtp';
import { RtpOutlet } from './rtp-outlet';
import { senderStub, vp8Packet } from './simulcast-test-support';

const GCM = 7;
const sockets: Socket[] = [];
afterEach(() => {
	for (const socket of sockets.splice(0)) socket.close();
});

async function bound(): Promise<Socket> {
	const socket = createSocket('udp4');
	sockets.push(socket);
	await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
	return socket;
}

/** A werift-shaped sender whose DTLS is up with real GCM keys and a real UDP socket towards `port`. */
async function wiredSender(port: number) {
	const keys = { key: randomBytes(16), salt: randomBytes(12), remoteKey: randomBytes(16), remoteSalt: randomBytes(12) };
	const local = new SrtpSession({
		profile: GCM,
		keys: {
			localMasterKey: keys.key,
			localMasterSalt: keys.salt,
			remoteMasterKey: keys.remoteKey,
			remoteMasterSalt: keys.remoteSalt
		}
	});
	const viewer = new SrtpSession({
		profile: GCM,
		keys: {
			localMasterKey: keys.remoteKey,
			localMasterSalt: keys.remoteSalt,
			remoteMasterKey: keys.key,
			remoteMasterSalt: keys.salt
		}
	});
	const socket = await bound();
	const nominated = {
		remoteCandidate: { host: '127.0.0.1', port },
		protocol: { type: 'stun', transport: { closed: false, socket } }
	};
	const { sender } = senderStub(0x1234_5678, {
		srtp: local,
		iceTransport: { connection: { nominated, canSendApplicationData: () => true, send: async () => {} } }
	});
	return { sender, viewer, socket, nominated };
}

/** Sends a stream through one path and returns what the viewer decrypted. */
async function sendThrough(native: NativeSend | null) {
	const receiver = await bound();
	const received: Buffer[] = [];
	receiver.on('message', (message) => received.push(message));
	const { sender, viewer } = await wiredSender(receiver.address().port);
	const outlet = new RtpOutlet(sender, true, native);
	// Across the 16-bit wrap (the rollover counter moves), then a change of source (rewritten descriptor).
	const upstream = [65533, 65534, 65535, 0, 1].map((seq, i) => vp8Packet(seq, 3000 * i, 100 + i, 7, i === 0, i));
	const sent = upstream.map((packet) => outlet.send(packet, undefined));
	outlet.rebase(3000);
	sent.push(outlet.send(vp8Packet(9000, 500_000, 4000, 90, true, 9), undefined));
	const big = { header: { sequenceNumber: 9001, timestamp: 500_000, marker: false }, payload: randomBytes(1180) };
	big.payload.writeUInt8(0x00, 0); // a VP8 continuation without the extension (no ids to rewrite)
	sent.push(outlet.send(big, undefined));
	for (let i = 0; i < 50 && received.length < 7; i++) await new Promise((resolve) => setTimeout(resolve, 10));
	const decrypted = received.map((datagram) => RtpPacket.deSerialize(viewer.decrypt(datagram)));
	return {
		outlet,
		sent,
		decrypted,
		big: big.payload,
		bytesSent: (sender as never as { dtlsTransport: { bytesSent: number } }).dtlsTransport.bytesSent
	};
}

describe('the native send path', () => {
	it('is built for this test run (npm test builds it; MEDIA_NATIVE_SEND=off turns it off)', () => {
		expect(nativeSend).toBeDefined();
		expect(loadNativeSend({ MEDIA_NATIVE_SEND: 'off' })).toBeUndefined();
		expect(loadNativeSend({}, '/nonexistent')).toBeUndefined();
	});

	for (const path of ['native', 'javascript'] as const) {
		it(`${path}: every packet authenticates and decrypts at the viewer, across the ROC wrap and a change of source`, async () => {
			const { outlet, sent, decrypted, big, bytesSent } = await sendThrough(path === 'native' ? nativeSend! : null);
			expect(outlet.path).toBe(path);
			expect(decrypted).toHaveLength(7);
			expect(sent.every((bytes) => bytes > 0)).toBe(true);
			expect(bytesSent).toBe(sent.reduce((a, b) => a + b, 0));
			const seqs = decrypted.map((p) => p.header.sequenceNumber);
			expect(seqs.map((s) => (s - seqs[0]) & 0xffff)).toEqual([0, 1, 2, 3, 4, 5, 6]);
			expect(decrypted.every((p) => p.header.ssrc === 0x1234_5678 && p.header.payloadType === 96)).toBe(true);
			// Payload tags 0..4 as sent; the new source's picture id continues (104 + 1).
			expect(decrypted.slice(0, 5).map((p) => p.payload[7])).toEqual([0, 1, 2, 3, 4]);
			expect(((decrypted[5].payload[2] & 0x7f) << 8) | decrypted[5].payload[3]).toBe(105);
			expect(decrypted[5].payload[7]).toBe(9);
			expect(decrypted[6].payload.equals(big)).toBe(true);
		});
	}

	it('falls back to the JavaScript path when the socket cannot take the packet', async () => {
		const receiver = await bound();
		const { sender, nominated } = await wiredSender(receiver.address().port);
		// An IPv6 peer on an IPv4 socket: sendto(2) refuses; the packet still goes out through dgram (and fails there quietly).
		nominated.remoteCandidate = { host: '::1', port: receiver.address().port };
		const outlet = new RtpOutlet(sender, true, nativeSend);
		outlet.send(vp8Packet(1, 0, 1, 1, true), undefined);
		expect(outlet.path).toBe('javascript');
	});

	it('refuses arguments it cannot use with a TypeError, not a crash', () => {
		const addon = nativeSend!;
		expect(() => addon.gcmKey(Buffer.alloc(3), Buffer.alloc(12))).toThrow(TypeError);
		expect(addon.sockaddr('not an address', 5000)).toBeNull();
		expect(() => addon.sockaddr('127.0.0.1', 70000)).toThrow(TypeError);
		const key = addon.gcmKey(Buffer.alloc(16), Buffer.alloc(12));
		const address = addon.sockaddr('127.0.0.1', 9)!;
		expect(() => addon.send(-1, key, 96, 1, 1, 1, 0, Buffer.alloc(70_000), null, address)).toThrow(TypeError);
		expect(() => addon.send(-1, key, 96, 1, 1, 1, 0, Buffer.alloc(4), Buffer.alloc(8), address)).toThrow(TypeError);
		// A closed descriptor is an error number, not an exception.
		expect(addon.send(-1, key, 96, 1, 1, 1, 0, Buffer.alloc(4), null, address)).toBeLessThan(0);
	});
});
