import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import { nodeKeyPair, nodeScalarMult, usesNodeX25519, useNodeX25519 } from './node-x25519';

const require = createRequire(import.meta.url);
type Nacl = typeof nacl;

/** A private tweetnacl instance: the reference to compare with, and a target no other test shares. */
function freshTweetnacl(): Nacl {
	const module = { exports: {} as Nacl };
	new Function('module', 'require', readFileSync(require.resolve('tweetnacl'), 'utf8'))(module, require);
	return module.exports;
}

const hex = (s: string) => Uint8Array.from(Buffer.from(s, 'hex'));
const toHex = (a: Uint8Array) => Buffer.from(a).toString('hex');

// RFC 7748 §6.1.
const alicePrivate = hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
const alicePublic = '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a';
const bobPrivate = hex('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb');
const bobPublic = 'de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f';
const shared = '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742';

describe('Node X25519 behind tweetnacl', () => {
	it('agrees with RFC 7748', () => {
		const base = new Uint8Array(32);
		base[0] = 9;
		expect(toHex(nodeScalarMult(alicePrivate, base)!)).toBe(alicePublic);
		expect(toHex(nodeScalarMult(alicePrivate, hex(bobPublic))!)).toBe(shared);
		expect(toHex(nodeScalarMult(bobPrivate, hex(alicePublic))!)).toBe(shared);
	});

	it('gives what tweetnacl gives for random scalars and points, including unclamped and high-bit inputs', () => {
		const reference = freshTweetnacl();
		for (let i = 0; i < 40; i++) {
			const n = Uint8Array.from(randomBytes(32));
			const point = i % 2 ? Uint8Array.from(randomBytes(32)) : reference.scalarMult.base(randomBytes(32));
			expect(toHex(nodeScalarMult(n, point)!)).toBe(toHex(reference.scalarMult(n, point)));
		}
	});

	it('makes key pairs whose public key is the private key times the base point, each in a 32-byte buffer of its own', () => {
		const reference = freshTweetnacl();
		const pairs = Array.from({ length: 5 }, nodeKeyPair);
		for (const { publicKey, secretKey } of pairs) {
			// werift wraps `.buffer` whole: a view into a larger pool would hand it the wrong bytes.
			expect(publicKey.buffer.byteLength).toBe(32);
			expect(secretKey.buffer.byteLength).toBe(32);
			expect(toHex(publicKey)).toBe(toHex(reference.scalarMult.base(secretKey)));
		}
		expect(new Set(pairs.map((p) => toHex(p.secretKey))).size).toBe(5);
	});

	it('leaves what OpenSSL refuses to tweetnacl: a low-order point, wrong sizes', () => {
		const target = freshTweetnacl();
		const reference = freshTweetnacl();
		useNodeX25519(target);
		const n = Uint8Array.from(randomBytes(32));
		const lowOrder = new Uint8Array(32); // u = 0: the shared secret is all zeros
		expect(nodeScalarMult(n, lowOrder)).toBeUndefined();
		expect(toHex(target.scalarMult(n, lowOrder))).toBe(toHex(reference.scalarMult(n, lowOrder)));
		expect(nodeScalarMult(n, new Uint8Array(31))).toBeUndefined();
		expect(() => target.scalarMult(n, new Uint8Array(31))).toThrow('bad p size');
	});

	it('installs once, keeps the rest of the API, and two installed ends agree on a secret', () => {
		const target = freshTweetnacl();
		const { scalarMult, box } = target;
		const { keyPair } = box;
		const base = target.scalarMult.base;
		const fromSecretKey = target.box.keyPair.fromSecretKey;
		expect(usesNodeX25519(target)).toBe(false);
		useNodeX25519(target);
		// Both functions werift calls are replaced, not merely marked.
		expect(target.scalarMult).not.toBe(scalarMult);
		expect(target.box.keyPair).not.toBe(keyPair);
		const installed = target.scalarMult;
		useNodeX25519(target);
		expect(usesNodeX25519(target)).toBe(true);
		expect(target.scalarMult).toBe(installed);
		expect(target.scalarMult.base).toBe(base);
		expect(target.scalarMult.scalarLength).toBe(32);
		expect(target.box.keyPair.fromSecretKey).toBe(fromSecretKey);

		const server = target.box.keyPair();
		const client = target.box.keyPair();
		expect(toHex(target.scalarMult(server.secretKey, client.publicKey))).toBe(
			toHex(target.scalarMult(client.secretKey, server.publicKey))
		);
	});

	it('reaches the tweetnacl that werift imports', () => {
		// One copy in node_modules: installing into ours is installing into werift's.
		const fromWerift = createRequire(require.resolve('werift')).resolve('tweetnacl');
		expect(fromWerift).toBe(require.resolve('tweetnacl'));
		useNodeX25519();
		expect(usesNodeX25519(require('tweetnacl'))).toBe(true);
	});
});
