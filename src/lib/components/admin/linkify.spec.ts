import { describe, expect, it } from 'vitest';
import { linkify, safeHttpUrl } from './linkify';

describe('linkify', () => {
	it('keeps plain text as one part', () => {
		expect(linkify('Hello, world.')).toEqual([{ text: 'Hello, world.' }]);
	});

	it('turns http(s) URLs into links and keeps the text around them', () => {
		expect(linkify('Open https://a.example/verify-email/abc.def now')).toEqual([
			{ text: 'Open ' },
			{ text: 'https://a.example/verify-email/abc.def', href: 'https://a.example/verify-email/abc.def' },
			{ text: ' now' }
		]);
	});

	it('leaves trailing sentence punctuation out of the link', () => {
		const parts = linkify('See http://localhost:5173/reset-password/x1.');
		expect(parts.at(-2)).toEqual({
			text: 'http://localhost:5173/reset-password/x1',
			href: 'http://localhost:5173/reset-password/x1'
		});
		expect(parts.at(-1)).toEqual({ text: '.' });
	});

	it('handles several links and line breaks', () => {
		const parts = linkify('a https://x.example\nb https://y.example');
		expect(parts.filter((p) => p.href).map((p) => p.href)).toEqual(['https://x.example/', 'https://y.example/']);
		expect(parts.map((p) => p.text).join('')).toBe('a https://x.example\nb https://y.example');
	});

	it('never links other schemes or markup', () => {
		const text = 'javascript:alert(1) <a href="x">x</a> data:text/html,hi';
		expect(linkify(text)).toEqual([{ text }]);
	});
});

describe('safeHttpUrl', () => {
	it('accepts http and https only', () => {
		expect(safeHttpUrl('https://wonju.example')).toBe('https://wonju.example/');
		expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
		expect(safeHttpUrl('not a url')).toBeNull();
		expect(safeHttpUrl(null)).toBeNull();
	});
});
