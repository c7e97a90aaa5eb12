import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('readConfig', () => {
	it('holds a freed testbed slot 30 minutes unless SLOT_HOLD_MINUTES says otherwise', () => {
		expect(readConfig({}).SLOT_HOLD_MINUTES).toBe(30);
		expect(readConfig({ SLOT_HOLD_MINUTES: '45' }).SLOT_HOLD_MINUTES).toBe(45);
	});

	it('refuses a hold length that is not a whole number of minutes from 1 to 1440, naming the variable', () => {
		for (const value of ['0', '-5', '2.5', 'soon', '1441'])
			expect(() => readConfig({ SLOT_HOLD_MINUTES: value })).toThrow(/SLOT_HOLD_MINUTES/);
	});
});
