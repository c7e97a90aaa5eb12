import { describe, expect, it } from 'vitest';
import { generateHOTP } from '@oslojs/otp';
import { decodeTotpKey, encodeTotpKey, generateTotpKey, matchTotpStep, totpStepAt } from './totp';

const key = generateTotpKey();
const now = new Date('2026-12-05T01:00:10Z');
const step = totpStepAt(now);
const codeOf = (s: number) => generateHOTP(key, BigInt(s), 6);

describe('matchTotpStep', () => {
	it('accepts the current step and one step either side, and nothing further', () => {
		expect(matchTotpStep(key, codeOf(step), now)).toBe(step);
		expect(matchTotpStep(key, codeOf(step - 1), now)).toBe(step - 1);
		expect(matchTotpStep(key, codeOf(step + 1), now)).toBe(step + 1);
		expect(matchTotpStep(key, codeOf(step - 2), now)).toBeNull();
		expect(matchTotpStep(key, codeOf(step + 2), now)).toBeNull();
	});

	it('refuses a step at or before the last one used', () => {
		expect(matchTotpStep(key, codeOf(step), now, step)).toBeNull();
		expect(matchTotpStep(key, codeOf(step - 1), now, step - 1)).toBeNull();
		expect(matchTotpStep(key, codeOf(step), now, step - 1)).toBe(step);
	});

	it('refuses anything that is not six digits', () => {
		expect(matchTotpStep(key, '', now)).toBeNull();
		expect(matchTotpStep(key, `${codeOf(step)}0`, now)).toBeNull();
		expect(matchTotpStep(key, 'abcdef', now)).toBeNull();
	});
});

describe('TOTP keys in base32', () => {
	it('round-trip, ignoring spaces and case', () => {
		const encoded = encodeTotpKey(key);
		expect(decodeTotpKey(encoded.toLowerCase().replace(/(.{4})/g, '$1 '))).toEqual(key);
		expect(decodeTotpKey('too-short')).toBeNull();
	});
});
