import { describe, expect, it } from 'vitest';
import { checkReadiness } from './readiness';

describe('checkReadiness', () => {
	it('is ready only when every named check says ok', async () => {
		expect(
			await checkReadiness([
				{ name: 'database', run: () => 'ok' },
				{ name: 'listen', run: async () => 'ok' }
			])
		).toEqual({ ready: true, checks: { database: 'ok', listen: 'ok' } });
		expect(
			await checkReadiness([
				{ name: 'database', run: () => 'ok' },
				{ name: 'listen', run: () => 'down' }
			])
		).toEqual({ ready: false, checks: { database: 'ok', listen: 'down' } });
	});

	it('counts a throwing check as failed and a hung one as timed out', async () => {
		const result = await checkReadiness(
			[
				{
					name: 'thrower',
					run: () => {
						throw new Error('boom');
					}
				},
				{ name: 'hung', run: () => new Promise<string>(() => {}) }
			],
			20
		);
		expect(result).toEqual({ ready: false, checks: { thrower: 'failed', hung: 'timeout' } });
	});
});
