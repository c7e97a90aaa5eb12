// Secrets of the form `<id>.<secret>`: the id finds the row, only a SHA-256 of the secret is stored.
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

function randomBase32(bytes: number): string {
	const buffer = new Uint8Array(bytes);
	crypto.getRandomValues(buffer);
	return encodeBase32LowerCaseNoPadding(buffer);
}

export function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

export type IssuedToken = { id: string; token: string; secretHash: Uint8Array };

export function issueToken(prefix = ''): IssuedToken {
	const id = prefix + randomBase32(15);
	const secret = randomBase32(20);
	return { id, token: `${id}.${secret}`, secretHash: hashSecret(secret) };
}

export type ParsedToken = { id: string; secret: string };

export function parseToken(token: string): ParsedToken | null {
	const parts = token.split('.');
	if (parts.length !== 2) return null;
	const [id, secret] = parts;
	if (!/^[a-z0-9_]{8,64}$/.test(id) || !/^[a-z2-7]{16,64}$/.test(secret)) return null;
	return { id, secret };
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
	const hash = hashSecret(secret);
	return storedHash.length === hash.length && constantTimeEqual(hash, new Uint8Array(storedHash));
}
