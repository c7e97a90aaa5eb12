// TOTP after lucia-auth.com's 2FA guide (RFC 6238: 30-second steps, 6 digits, HMAC-SHA1 keys of 20 bytes).
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32UpperCaseNoPadding, decodeBase32IgnorePadding } from '@oslojs/encoding';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of now: clocks of phones drift, and people type slowly. */
const DRIFT_STEPS = 1;

export function generateTotpKey(): Uint8Array {
	const key = new Uint8Array(20);
	crypto.getRandomValues(key);
	return key;
}

export function totpStepAt(now: Date): number {
	return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The time step whose code `code` is, within the drift window and after `lastStep`, or null.
 * Refusing steps at or before the last accepted one makes every code single-use.
 */
export function matchTotpStep(key: Uint8Array, code: string, now: Date, lastStep: number | null = null): number | null {
	if (!/^\d{6}$/.test(code)) return null;
	const current = totpStepAt(now);
	const given = new TextEncoder().encode(code);
	let matched: number | null = null;
	for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
		const expected = new TextEncoder().encode(generateHOTP(key, BigInt(step), TOTP_DIGITS));
		// Every step is compared, so the time taken does not say which one matched.
		if (constantTimeEqual(expected, given) && matched === null) matched = step;
	}
	if (matched === null || (lastStep !== null && matched <= lastStep)) return null;
	return matched;
}

export function totpCodeAt(key: Uint8Array, now: Date): string {
	return generateHOTP(key, BigInt(totpStepAt(now)), TOTP_DIGITS);
}

export function encodeTotpKey(key: Uint8Array): string {
	return encodeBase32UpperCaseNoPadding(key);
}

/** The key back from its base32 form (as shown to people and kept in the enrolment form), or null. */
export function decodeTotpKey(encoded: string): Uint8Array | null {
	const cleaned = encoded.replace(/\s+/g, '').toUpperCase();
	if (!/^[A-Z2-7]{32}$/.test(cleaned)) return null;
	try {
		return decodeBase32IgnorePadding(cleaned);
	} catch {
		return null;
	}
}

export function totpKeyUri(accountName: string, key: Uint8Array): string {
	return createTOTPKeyURI('MedCluster', accountName, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}
