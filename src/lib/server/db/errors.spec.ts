import { describe, expect, it } from 'vitest';
import { retryOnDeadlock } from './errors';

const pgError = (code: string) => Object.assign(new Error(code), { code });

describe('retryOnDeadlock', () => {
	it('runs the transaction again after a deadlock or serialization failure', async () => {
		let calls = 0;
		const result = await retryOnDeadlock(async () => {
			calls++;
			if (calls === 1) throw pgError('40P01');
			if (calls === 2) throw pgError('40001');
			return 'done';
		});
		expect(result).toBe('done');
		expect(calls).toBe(3);
	});

	it('passes other errors on at once, and gives up after the last attempt', async () => {
		let calls = 0;
		await expect(retryOnDeadlock(async () => (calls++, Promise.reject(pgError('23P01'))))).rejects.toMatchObject({
			code: '23P01'
		});
		expect(calls).toBe(1);
		calls = 0;
		await expect(retryOnDeadlock(async () => (calls++, Promise.reject(pgError('40P01'))), 3)).rejects.toMatchObject({
			code: '40P01'
		});
		expect(calls).toBe(3);
	});
});
