// A programme's figures as a two-column CSV, headed in the reader's language.
import * as m from '$lib/paraglide/messages';
import { toCsv, type Cell } from '$lib/server/common/csv';
import type { ProgrammeReport } from './programme-report';

export function programmeReportRows(r: ProgrammeReport, locale: 'ko' | 'en'): [string, number | string][] {
	const o = { locale };
	return [
		[m.vouchers_programme_applications({}, o), r.applications],
		[m.vouchers_programme_selected({}, o), r.selected],
		[
			m.vouchers_programme_selection_rate({}, o),
			r.selectionRate === null ? '' : `${Math.round(r.selectionRate * 1000) / 10}%`
		],
		[m.vouchers_programme_vouchers_issued({}, o), r.issued_krw],
		[m.vouchers_programme_spent_testbed({}, o), r.testbed_krw],
		[m.vouchers_programme_spent_course({}, o), r.course_krw],
		[m.vouchers_programme_remaining({}, o), r.balance_krw],
		[m.vouchers_programme_equipment_hours({}, o), r.equipment_hours],
		[m.vouchers_programme_courses_completed({}, o), r.courses_completed],
		[m.vouchers_programme_ir_sessions({}, o), r.ir_sessions],
		[m.vouchers_programme_matched_needs({}, o), r.matched_needs],
		[m.consult_report_sessions({}, o), r.consulting_sessions],
		[m.consult_report_hours({}, o), r.consulting_hours]
	];
}

export function programmeReportCsv(r: ProgrammeReport, locale: 'ko' | 'en'): string {
	const rows: Cell[][] = [
		[m.vouchers_programme_metric({}, { locale }), m.vouchers_programme_value({}, { locale })],
		...programmeReportRows(r, locale)
	];
	return toCsv(rows);
}
