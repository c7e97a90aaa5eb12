// The one gate for `next`/`redirect` targets: only a path on this site may come out of it.

// Browsers drop tabs and newlines inside URLs ("/\t/evil.example" becomes "//evil.example") and a
// CR/LF in a Location header makes the response fail, so any control character refuses the target.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * `target` as a same-origin path (pathname, search and hash, percent-encoded), or `fallback`.
 * Refused: other origins, scheme-relative and backslash forms, control characters (also
 * percent-encoded ones) and malformed percent-encoding.
 */
export function safeRedirect(target: string | null | undefined, origin: string, fallback = '/'): string {
	if (!target || !target.startsWith('/') || target.includes('\\') || CONTROL.test(target)) return fallback;
	let decoded: string;
	try {
		decoded = decodeURIComponent(target);
	} catch {
		return fallback;
	}
	if (decoded.includes('\\') || CONTROL.test(decoded) || decoded.startsWith('//')) return fallback;
	let url: URL;
	try {
		url = new URL(target, origin);
	} catch {
		return fallback;
	}
	if (url.origin !== new URL(origin).origin) return fallback;
	// Dot segments can collapse into a leading "//" ("/.//evil.example"), which a browser reads as a host.
	if (url.pathname.startsWith('//')) return fallback;
	return url.pathname + url.search + url.hash;
}
