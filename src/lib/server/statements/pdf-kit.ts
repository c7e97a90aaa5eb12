// A plain A4 document with the Korean font and a simple wrapping table, shared by the statement and
// the evidence pack.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf');

export function createPdf(title: string) {
	const doc = new PDFDocument({
		size: 'A4',
		margin: 48,
		font: FONT_REGULAR,
		info: { Title: title, Author: 'MedCluster' }
	});
	doc.registerFont('regular', FONT_REGULAR);
	doc.registerFont('bold', FONT_BOLD);
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	return { doc, done };
}

/** Columns of equal width across the page; a row that would cross the bottom margin starts a new page. */
export function table(doc: PDFKit.PDFDocument, head: string[], rows: string[][], empty: string) {
	const left = doc.page.margins.left;
	const width = doc.page.width - left - doc.page.margins.right;
	const column = width / Math.max(head.length, 1);
	const line = (cells: string[], font: 'regular' | 'bold') => {
		doc.font(font).fontSize(8);
		const height = Math.max(...cells.map((c) => doc.heightOfString(String(c), { width: column - 4 })), 10);
		if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
		const y = doc.y;
		cells.forEach((c, i) => doc.text(String(c), left + i * column, y, { width: column - 4 }));
		doc.x = left;
		doc.y = y + height + 3;
	};
	line(head, 'bold');
	doc
		.moveTo(left, doc.y - 1)
		.lineTo(left + width, doc.y - 1)
		.lineWidth(0.5)
		.stroke('#888888');
	if (!rows.length && empty) line([empty], 'regular');
	for (const row of rows) line(row, 'regular');
}
