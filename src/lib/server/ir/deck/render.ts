// Renders a deck PDF's pages to JPEG images with poppler's pdftoppm (a job, after each upload), so the
// viewer never needs the PDF itself. Work files live in a private temp dir that is always removed.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const RENDER_DPI = 110;
export const MAX_PAGES = 500;

/** The page images of a PDF, first page first. Throws when pdftoppm fails (a broken PDF). */
export async function renderPdfPages(pdf: Uint8Array, dpi = RENDER_DPI): Promise<Buffer[]> {
	const dir = await mkdtemp(join(tmpdir(), 'mc-deck-'));
	try {
		const input = join(dir, 'deck.pdf');
		await writeFile(input, pdf);
		await run('pdftoppm', ['-r', String(dpi), '-jpeg', '-l', String(MAX_PAGES), input, join(dir, 'page')], {
			timeout: 120_000
		});
		// pdftoppm pads page numbers to the width of the last one (page-01.jpg …); sort numerically.
		const files = (await readdir(dir))
			.filter((f) => f.startsWith('page-') && f.endsWith('.jpg'))
			.sort((a, b) => pageNumber(a) - pageNumber(b));
		return Promise.all(files.map((f) => readFile(join(dir, f))));
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

const pageNumber = (file: string) => Number(file.slice('page-'.length, -'.jpg'.length));
