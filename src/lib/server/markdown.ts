// User Markdown to safe HTML: marked renders, sanitize-html keeps only harmless tags and https/mailto links.
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: true, async: false });

const allowed: sanitizeHtml.IOptions = {
	allowedTags: [
		'p',
		'br',
		'strong',
		'em',
		'del',
		'ul',
		'ol',
		'li',
		'blockquote',
		'code',
		'pre',
		'h3',
		'h4',
		'a',
		'hr',
		'table',
		'thead',
		'tbody',
		'tr',
		'th',
		'td'
	],
	allowedAttributes: { a: ['href', 'title', 'rel', 'target'] },
	allowedSchemes: ['https', 'http', 'mailto'],
	allowProtocolRelative: false,
	transformTags: {
		// Headings in user text sit below the page's own h1/h2.
		h1: 'h3',
		h2: 'h3',
		a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow ugc', target: '_blank' })
	}
};

export function renderMarkdown(source: string): string {
	const html = marked.parse(source) as string;
	return sanitizeHtml(html, allowed);
}
