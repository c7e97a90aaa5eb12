// The monthly statement as a spreadsheet: heading, bookings, course fees, totals.
import * as m from '$lib/paraglide/messages';
import { toCsv, type Cell } from '$lib/server/common/csv';
import { statementSections } from './lines';
import type { Statement } from './service';

export function statementCsv(s: Statement, locale: 'ko' | 'en'): string {
	const x = statementSections(s, locale);
	const rows: Cell[][] = [
		[x.title],
		[],
		[m.statements_testbed_heading({}, { locale })],
		x.bookingHead,
		...x.bookingRows,
		[]
	];
	if (x.showCourses) rows.push([m.statements_courses_heading({}, { locale })], x.courseHead, ...x.courseRows, []);
	if (x.testRows.length > 0) rows.push([m.tsvc_statement_heading({}, { locale })], x.testHead, ...x.testRows, []);
	rows.push(...x.totals);
	return toCsv(rows);
}
