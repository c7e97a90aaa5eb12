// The monthly statement as an A4 PDF (Noto Sans KR, as the certificates, so Korean renders anywhere).
import * as m from '$lib/paraglide/messages';
import type { Cell } from '$lib/server/common/csv';
import { createPdf, table } from './pdf-kit';
import { statementSections } from './lines';
import type { Statement } from './service';

const won = (locale: 'ko' | 'en') => (cell: Cell) =>
	typeof cell === 'number' ? cell.toLocaleString(locale === 'ko' ? 'ko-KR' : 'en-GB') : (cell ?? '');

export function renderStatementPdf(s: Statement, locale: 'ko' | 'en'): Promise<Buffer> {
	const x = statementSections(s, locale);
	const { doc, done } = createPdf(x.title);
	const format = won(locale);
	doc.font('bold').fontSize(18).text(x.title).moveDown(0.8);
	doc.font('bold').fontSize(12).text(m.statements_testbed_heading({}, { locale })).moveDown(0.3);
	table(
		doc,
		x.bookingHead.map(format),
		x.bookingRows.map((r) => r.map(format)),
		m.statements_no_bookings({}, { locale })
	);
	if (x.showCourses) {
		doc
			.moveDown(0.8)
			.font('bold')
			.fontSize(12)
			.text(m.statements_courses_heading({}, { locale }), doc.page.margins.left)
			.moveDown(0.3);
		table(
			doc,
			x.courseHead.map(format),
			x.courseRows.map((r) => r.map(format)),
			m.statements_no_courses({}, { locale })
		);
	}
	if (x.testRows.length > 0) {
		doc
			.moveDown(0.8)
			.font('bold')
			.fontSize(12)
			.text(m.tsvc_statement_heading({}, { locale }), doc.page.margins.left)
			.moveDown(0.3);
		table(
			doc,
			x.testHead.map(format),
			x.testRows.map((r) => r.map(format)),
			''
		);
	}
	doc.moveDown(0.8);
	table(
		doc,
		[m.statements_totals_heading({}, { locale }), ''],
		x.totals.map((r) => r.map(format)),
		''
	);
	doc.end();
	return done;
}
