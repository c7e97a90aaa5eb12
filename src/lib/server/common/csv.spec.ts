import { describe, expect, it } from 'vitest';
import { toCsv } from '$lib/server/common/csv';

describe('csv', () => {
	it('starts with a BOM, ends rows with CRLF and quotes only where needed', () => {
		const csv = toCsv([
			['자원', 'hours'],
			['갤럭시 S24 (A)', 12.5],
			['Say "hi", then\nleave', null],
			[' padded', 0]
		]);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv.slice(1)).toBe('자원,hours\r\n갤럭시 S24 (A),12.5\r\n"Say ""hi"", then\nleave",\r\n" padded",0\r\n');
	});

	it('defuses cells a spreadsheet would run as formulas, but not negative numbers', () => {
		expect(toCsv([['=HYPERLINK("http://x")', '+1', '@SUM(A1)', -3]]).slice(1)).toBe(
			`"'=HYPERLINK(""http://x"")",'+1,'@SUM(A1),-3\r\n`
		);
	});
});
