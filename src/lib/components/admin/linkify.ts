// Splits plain text into text and http(s) link parts, so a body can be shown with clickable links
// without ever rendering it as HTML.
export type TextPart = { text: string; href?: string };

const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;
// Sentence punctuation right after a URL belongs to the sentence, not to the link.
const TRAILING = /[.,;:!?)\]}'"]+$/;

export function linkify(text: string): TextPart[] {
	const parts: TextPart[] = [];
	const push = (part: TextPart) => {
		if (!part.text) return;
		const last = parts.at(-1);
		if (last && !last.href && !part.href) last.text += part.text;
		else parts.push(part);
	};
	text.split(URL_PATTERN).forEach((piece, index) => {
		// split() with one capturing group puts the matches at the odd indexes.
		if (index % 2 === 0) return push({ text: piece });
		const tail = piece.match(TRAILING)?.[0] ?? '';
		const url = piece.slice(0, piece.length - tail.length);
		const href = safeHttpUrl(url);
		push(href ? { text: url, href } : { text: url });
		push({ text: tail });
	});
	return parts;
}

/** The URL when it parses and is http(s); anything else (javascript:, data:, garbage) is null. */
export function safeHttpUrl(value: string | null | undefined): string | null {
	if (!value) return null;
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
	} catch {
		return null;
	}
}
