// HTTP Range (RFC 9110 §14) for one byte range: what a <video> element asks for when it seeks.
import type { ByteRange } from './store';

export type RangeResult = { kind: 'full' } | { kind: 'partial'; range: ByteRange } | { kind: 'unsatisfiable' };

/**
 * Reads a `Range` header against an object of `size` bytes. Several ranges, other units or a
 * malformed header are served in full (a server may ignore Range); a range that starts past the
 * end is unsatisfiable (416).
 */
export function parseRange(header: string | null, size: number): RangeResult {
	if (!header) return { kind: 'full' };
	const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!match || (match[1] === '' && match[2] === '')) return { kind: 'full' };
	if (match[1] === '') {
		// A suffix: the last N bytes.
		const length = Number(match[2]);
		if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
		return { kind: 'partial', range: { start: Math.max(0, size - length), end: size - 1 } };
	}
	const start = Number(match[1]);
	const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
	if (start >= size) return { kind: 'unsatisfiable' };
	if (end < start) return { kind: 'full' };
	return { kind: 'partial', range: { start, end } };
}
