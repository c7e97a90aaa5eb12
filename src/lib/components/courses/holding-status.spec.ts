import { describe, expect, it } from 'vitest';
import { holdingStatus } from './holding-status';

const now = new Date('2026-12-04T00:00:00Z');

describe('holdingStatus', () => {
	it('is valid without expiry or before it', () => {
		expect(holdingStatus({ expires_at: null }, now)).toBe('valid');
		expect(holdingStatus({ expires_at: new Date('2027-01-01T00:00:00Z'), revoked_at: null }, now)).toBe('valid');
	});
	it('is expired from the expiry on', () => expect(holdingStatus({ expires_at: now }, now)).toBe('expired'));
	it('is revoked whatever the dates say', () =>
		expect(holdingStatus({ expires_at: null, revoked_at: new Date('2026-01-01T00:00:00Z') }, now)).toBe('revoked'));
});
