// CSV as Excel and every spreadsheet read it: RFC 4180 quoting, CRLF, a UTF-8 byte-order mark (without
// it Excel takes the file for the local code page and garbles Korean), and no formula injection.

export type Cell = string | number | null;

/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice). */
function escapeCell(cell: Cell): string {
	if (cell === null) return '';
	if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
	const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
	return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: Cell[][]): string {
	return '\uFEFF' + rows.map((row) => row.map(escapeCell).join(',')).join('\r\n') + '\r\n';
}
