import { describe, expect, it } from 'vitest';
import { describeDevice } from './device';

describe('describeDevice', () => {
	it('names the browser and the system', () => {
		expect(
			describeDevice(
				'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
			)
		).toBe('Chrome · Windows');
		expect(
			describeDevice(
				'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
			)
		).toBe('Safari · iPhone');
		expect(
			describeDevice(
				'Mozilla/5.0 (Linux; Android 14; SM-S918N) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36'
			)
		).toBe('Samsung Internet · Android');
		expect(
			describeDevice(
				'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0'
			)
		).toBe('Edge · macOS');
		expect(describeDevice('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe(
			'Firefox · Linux'
		);
	});

	it('says nothing it does not know', () => {
		expect(describeDevice(null)).toBeNull();
		expect(describeDevice('')).toBeNull();
		expect(describeDevice('something/1.0')).toBeNull();
		expect(describeDevice('curl/8.5.0')).toBe('curl');
	});
});
