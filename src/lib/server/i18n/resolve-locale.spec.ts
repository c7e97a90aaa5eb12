import { describe, expect, it } from 'vitest';
import { resolveRequestLocale } from './resolve-locale';

const request = (acceptLanguage?: string) =>
	new Request('http://127.0.0.1/', { headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} });

describe('resolveRequestLocale', () => {
	it('prefers the account setting over the cookie and the browser', () => {
		expect(resolveRequestLocale(request('en-US,en;q=0.9'), 'en', 'ko')).toBe('ko');
	});
	it('takes the cookie over Accept-Language', () => {
		expect(resolveRequestLocale(request('ko-KR'), 'en', null)).toBe('en');
	});
	it('reads Accept-Language by quality, matching a base language', () => {
		expect(resolveRequestLocale(request('fr;q=0.9,en-GB;q=0.8,ko;q=0.1'), undefined, undefined)).toBe('en');
	});
	it('falls back to Korean, ignoring unknown or hostile values', () => {
		expect(resolveRequestLocale(request('fr, de'), 'xx', 'zz')).toBe('ko');
		expect(resolveRequestLocale(request(), '%E0%A4%A', undefined)).toBe('ko');
	});
});
