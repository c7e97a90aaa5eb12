// TOTP keys at rest: AES-256-GCM under TOTP_ENCRYPTION_KEY, bound to the user (the user id is the
// additional data, so a stored key copied onto another account does not decrypt). Stored as
// version (1 byte) ‖ nonce (12) ‖ ciphertext (20) ‖ tag (16). Only node:crypto here: the migration
// that encrypts existing keys imports this module too.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const PLAIN_TOTP_KEY_BYTES = 20;

/**
 * The development default: derived from a fixed text, so the demo (and its operator key in the README)
 * works on every machine without configuration. A real deployment sets its own key.
 */
export const DEVELOPMENT_TOTP_ENCRYPTION_KEY = createHash('sha256')
	.update('medcluster development TOTP encryption key')
	.digest();

export class TotpSecretError extends Error {}

/** 32 bytes from `TOTP_ENCRYPTION_KEY` (64 hex digits, or base64 of 32 bytes); the development key when unset. */
export function parseTotpEncryptionKey(value: string | undefined): Buffer {
	const text = value?.trim();
	if (!text) return DEVELOPMENT_TOTP_ENCRYPTION_KEY;
	if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
	if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
		const bytes = Buffer.from(text.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
		if (bytes.length === 32) return bytes;
	}
	throw new TotpSecretError(
		'TOTP_ENCRYPTION_KEY must be 32 bytes: 64 hex digits or 44 base64 characters (e.g. `openssl rand -hex 32`)'
	);
}

let cached: { value: string | undefined; key: Buffer } | undefined;

/** The key for this process, read from the environment (re-read if the variable changes, as tests do). */
export function totpEncryptionKey(env: Record<string, string | undefined> = process.env): Buffer {
	const value = env.TOTP_ENCRYPTION_KEY;
	if (!cached || cached.value !== value) cached = { value, key: parseTotpEncryptionKey(value) };
	return cached.key;
}

const additionalData = (userId: string) => Buffer.from(`medcluster:totp:${userId}`, 'utf8');

export function encryptTotpKey(key: Uint8Array, userId: string, secret: Buffer = totpEncryptionKey()): Uint8Array {
	if (key.length !== PLAIN_TOTP_KEY_BYTES) throw new TotpSecretError('a TOTP key is 20 bytes');
	const nonce = randomBytes(NONCE_BYTES);
	const cipher = createCipheriv('aes-256-gcm', secret, nonce, { authTagLength: TAG_BYTES });
	cipher.setAAD(additionalData(userId));
	const sealed = Buffer.concat([
		Buffer.from([VERSION]),
		nonce,
		cipher.update(key),
		cipher.final(),
		cipher.getAuthTag()
	]);
	return new Uint8Array(sealed);
}

/** The plain key; throws TotpSecretError for a wrong key, another user's row or a damaged value. */
export function decryptTotpKey(stored: Uint8Array, userId: string, secret: Buffer = totpEncryptionKey()): Uint8Array {
	const bytes = Buffer.from(stored);
	if (bytes.length !== 1 + NONCE_BYTES + PLAIN_TOTP_KEY_BYTES + TAG_BYTES || bytes[0] !== VERSION)
		throw new TotpSecretError('not an encrypted TOTP key');
	const nonce = bytes.subarray(1, 1 + NONCE_BYTES);
	const tag = bytes.subarray(bytes.length - TAG_BYTES);
	const decipher = createDecipheriv('aes-256-gcm', secret, nonce, { authTagLength: TAG_BYTES });
	decipher.setAAD(additionalData(userId));
	decipher.setAuthTag(tag);
	try {
		return new Uint8Array(
			Buffer.concat([decipher.update(bytes.subarray(1 + NONCE_BYTES, bytes.length - TAG_BYTES)), decipher.final()])
		);
	} catch {
		throw new TotpSecretError(
			'the TOTP key does not decrypt: TOTP_ENCRYPTION_KEY differs from the one it was stored with'
		);
	}
}

/** A stored value that is still a plain 20-byte key (written before keys were encrypted). */
export const isPlainTotpKey = (stored: Uint8Array) => stored.length === PLAIN_TOTP_KEY_BYTES;
