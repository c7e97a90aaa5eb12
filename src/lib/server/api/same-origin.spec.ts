import { describe, expect, it } from 'vitest';
import { isCrossSiteCookieWrite } from './same-origin';

const ORIGIN = 'https://portal.example';

function event(method: string, authVia: 'cookie' | 'bearer' | null, headers: Record<string, string> = {}) {
	return {
		request: new Request(`${ORIGIN}/api/v1/cohorts/x/enrolments`, { method, headers }),
		url: new URL(`${ORIGIN}/api/v1/cohorts/x/enrolments`),
		locals: { authVia }
	} as never;
}

describe('isCrossSiteCookieWrite', () => {
	it.each(['POST', 'PATCH', 'PUT', 'DELETE'])(
		'refuses a cookie %s from another origin, without an origin, or from a sandboxed frame',
		(method) => {
			expect(isCrossSiteCookieWrite(event(method, 'cookie', { origin: 'https://evil.example' }))).toBe(true);
			expect(isCrossSiteCookieWrite(event(method, 'cookie', { origin: 'http://portal.example' }))).toBe(true);
			expect(isCrossSiteCookieWrite(event(method, 'cookie', { origin: 'null' }))).toBe(true);
			expect(isCrossSiteCookieWrite(event(method, 'cookie'))).toBe(true);
			expect(isCrossSiteCookieWrite(event(method, 'cookie', { 'sec-fetch-site': 'cross-site' }))).toBe(true);
			expect(isCrossSiteCookieWrite(event(method, 'cookie', { 'sec-fetch-site': 'same-site' }))).toBe(true);
			// A same-origin Sec-Fetch-Site does not excuse a foreign Origin.
			expect(
				isCrossSiteCookieWrite(
					event(method, 'cookie', { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' })
				)
			).toBe(true);
		}
	);

	it('lets same-origin cookie writes through', () => {
		expect(isCrossSiteCookieWrite(event('POST', 'cookie', { origin: ORIGIN }))).toBe(false);
		expect(isCrossSiteCookieWrite(event('DELETE', 'cookie', { 'sec-fetch-site': 'same-origin' }))).toBe(false);
	});

	it('leaves reads, bearer tokens and anonymous calls alone', () => {
		for (const method of ['GET', 'HEAD', 'OPTIONS'])
			expect(isCrossSiteCookieWrite(event(method, 'cookie', { origin: 'https://evil.example' }))).toBe(false);
		expect(isCrossSiteCookieWrite(event('POST', 'bearer', { origin: 'https://evil.example' }))).toBe(false);
		expect(isCrossSiteCookieWrite(event('POST', null, { origin: 'https://evil.example' }))).toBe(false);
	});
});
