// Free text from clients: PostgreSQL refuses NUL ("invalid byte sequence for encoding UTF8: 0x00")
// and lone UTF-16 surrogates cannot be encoded at all, so both (with the other C0/C1 controls except
// tab and line breaks) are refused at the zod layer with a translated message, before any query.
import { z } from 'zod';
import * as m from '$lib/paraglide/messages';

// Tab (09), LF (0A) and CR (0D) are ordinary in textareas; every other control character is not.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isCleanText = (value: string) => !CONTROL.test(value) && !LONE_SURROGATE.test(value);

/** The refusal, in `locale` or else the request's language. */
export const textNotAllowedMessage = (locale?: 'ko' | 'en') =>
	m.validation_text_characters({}, locale ? { locale } : undefined);

/** `z.string()` that refuses control characters and lone surrogates; chain `.trim().min().max()` as usual. */
export function text() {
	return z.string().refine(isCleanText, { error: () => textNotAllowedMessage(), abort: true });
}

/** How deep `findUncleanText` looks; anything nested deeper is refused as unclean, not walked. */
const MAX_DEPTH = 32;

/**
 * The path of the first string (or object key) in `value` that `text()` would refuse, or null.
 * Used where raw input arrives (form posts, JSON bodies, socket payloads) so no field is missed;
 * iterative, so deeply nested JSON cannot exhaust the stack.
 */
export function findUncleanText(value: unknown): string | null {
	const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
	while (stack.length) {
		const item = stack.pop()!;
		if (typeof item.value === 'string') {
			if (!isCleanText(item.value)) return item.path || 'form';
			continue;
		}
		if (!item.value || typeof item.value !== 'object') continue;
		if (item.depth >= MAX_DEPTH) return item.path || 'form';
		for (const [key, child] of Object.entries(item.value)) {
			const path = item.path ? `${item.path}.${key}` : key;
			if (!isCleanText(key)) return item.path || 'form';
			stack.push({ value: child, path, depth: item.depth + 1 });
		}
	}
	return null;
}
