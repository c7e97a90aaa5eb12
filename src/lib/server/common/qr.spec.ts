import { describe, expect, it } from 'vitest';
import { qrCode } from '$lib/server/common/qr';

const dark = (path: string, x: number, y: number) => path.includes(`M${x} ${y}h1v1h-1z`);

describe('qr code', () => {
	it('draws the finder patterns inside the quiet zone, the same way every time', () => {
		const url = 'https://medcluster.example/testbed/bookings/0b6f3f5e-6a37-4a1b-9d4f-2f1d9f0e8c11/check-in';
		const code = qrCode(url);
		expect(code).toEqual(qrCode(url));
		// 89 bytes need version 6 (41 modules) at level M; plus 4 modules of quiet zone each side.
		expect(code.size).toBe(41 + 8);
		for (const [x, y] of [
			[4, 4],
			[10, 4],
			[4, 10],
			[10, 10],
			[code.size - 5, 4],
			[4, code.size - 5]
		])
			expect(dark(code.path, x, y)).toBe(true);
		// The white ring inside the top-left finder, and nothing in the quiet zone.
		expect(dark(code.path, 5, 5)).toBe(false);
		expect(dark(code.path, 3, 4)).toBe(false);
	});
});
