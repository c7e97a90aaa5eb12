import { describe, expect, it } from 'vitest';
import { safeRedirect } from './redirect';

const origin = 'https://portal.example';

describe('safeRedirect', () => {
	it.each([
		['/testbed', '/testbed'],
		['/ir?tab=past#list', '/ir?tab=past#list'],
		['/orgs/%ED%95%9C', '/orgs/%ED%95%9C'],
		// Non-ASCII is percent-encoded, so it can go into a Location header.
		['/orgs/한국', '/orgs/%ED%95%9C%EA%B5%AD'],
		['/a/../b', '/b'],
		['/search?q=a%2Fb', '/search?q=a%2Fb']
	])('keeps the same-site path %j as %j', (target, expected) => {
		expect(safeRedirect(target, origin)).toBe(expected);
	});

	it.each([
		// The probe's finding: a tab between the slashes, decoded by searchParams, then dropped by the browser.
		'/\t/evil.example',
		'/%09/evil.example',
		'/\n/evil.example',
		'/\r\nSet-Cookie: a=b',
		'/%0d%0aSet-Cookie:%20a=b',
		'/\u0000',
		'//evil.example',
		'///evil.example',
		'/\\evil.example',
		'\\\\evil.example',
		'/%5cevil.example',
		'/%2F/evil.example',
		'/.//evil.example',
		'/%2e//evil.example',
		'/x/..//evil.example',
		'https://evil.example/',
		'http:/evil.example',
		'javascript:alert(1)',
		' /testbed',
		'evil.example',
		'',
		'/%E0%A4%A',
		'/%',
		'/%zz'
	])('refuses %j', (target) => {
		expect(safeRedirect(target, origin)).toBe('/');
		expect(safeRedirect(target, origin, '')).toBe('');
	});

	it('refuses nothing at all and falls back', () => {
		expect(safeRedirect(null, origin)).toBe('/');
		expect(safeRedirect(undefined, origin, '/home')).toBe('/home');
	});
});
