import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
	it('renders emphasis and lists', () => {
		const html = renderMarkdown('**심방세동** 검출\n\n- one\n- two');
		expect(html).toContain('<strong>심방세동</strong>');
		expect(html).toContain('<li>one</li>');
	});

	it('drops scripts, event handlers and javascript: links', () => {
		const html = renderMarkdown(
			'<script>alert(1)</script><img src=x onerror=alert(1)> <a href="https://a.example" onclick="x()">a</a>'
		);
		expect(html).not.toMatch(/<script|onerror|onclick|<img/i);
		expect(html).toContain('href="https://a.example"');
		expect(renderMarkdown('[x](javascript:alert(1))')).not.toMatch(/href="javascript:/i);
	});

	it('marks links as external and not followed', () => {
		expect(renderMarkdown('[site](https://a.example)')).toContain('rel="noopener noreferrer nofollow ugc"');
	});
});
