// A statement as rows of cells, in one language: what the CSV and the PDF both print, so the two
// files (and the page, which reads the same statement) always agree.
import * as m from '$lib/paraglide/messages';
import type { Cell } from '$lib/server/common/csv';
import { localParts } from '$lib/server/common/zoned-time';
import type { Statement } from './service';
import { DEFAULT_TIME_ZONE } from '$lib/time-zone';
import { textIn } from '$lib/localized';

type Locale = 'ko' | 'en';
const TIME_ZONE = DEFAULT_TIME_ZONE;

export function localStamp(at: Date, timeZone = TIME_ZONE): string {
	const { date, minutes } = localParts(at, timeZone);
	return `${date} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function statementSections(s: Statement, locale: Locale) {
	const o = { locale };
	const name = (ko: string, en: string) => textIn(locale, ko, en);
	const byFacility = s.subject.kind === 'facility';
	const bookingHead: Cell[] = [
		m.statements_col_start({}, o),
		...(byFacility ? [m.statements_col_organization({}, o)] : []),
		m.statements_col_facility({}, o),
		m.statements_col_resource({}, o),
		m.statements_col_hours({}, o),
		m.statements_col_rate({}, o),
		m.statements_col_amount({}, o),
		m.statements_col_voucher_paid({}, o),
		m.statements_col_remaining({}, o)
	];
	const bookingRows: Cell[][] = s.bookings.map((b) => [
		localStamp(b.starts_at),
		...(byFacility ? [name(b.org_name_ko, b.org_name_en)] : []),
		name(b.facility_name_ko, b.facility_name_en),
		name(b.resource_name_ko, b.resource_name_en),
		b.hours,
		b.rateKrw,
		b.amountKrw,
		b.voucherPaidKrw,
		b.remainingKrw
	]);
	const courseHead: Cell[] = [
		m.statements_col_enrolled({}, o),
		m.statements_col_course({}, o),
		m.statements_col_trainee({}, o),
		m.statements_col_amount({}, o),
		m.statements_col_voucher_paid({}, o),
		m.statements_col_remaining({}, o)
	];
	const courseRows: Cell[][] = s.courses.map((c) => [
		c.enrolled_at ? localStamp(c.enrolled_at) : null,
		`${name(c.title_ko, c.title_en)} — ${name(c.label_ko, c.label_en)}`,
		c.trainee,
		c.amountKrw,
		c.voucherPaidKrw,
		c.remainingKrw
	]);
	// Approved testing-service quotes: one line each; the section and its total show only when there are some.
	const testHead: Cell[] = [
		m.tsvc_statement_col_approved({}, o),
		m.statements_col_facility({}, o),
		m.tsvc_statement_col_standard({}, o),
		m.statements_col_amount({}, o)
	];
	const testRows: Cell[][] = s.testServices.map((t) => [
		t.approved_at ? localStamp(t.approved_at) : null,
		name(t.facility_name_ko, t.facility_name_en),
		t.standard,
		t.amountKrw
	]);
	const totals: Cell[][] = [
		[m.statements_total_hours({}, o), s.totals.hours],
		[m.statements_total_testbed({}, o), s.totals.testbedKrw],
		[m.statements_total_courses({}, o), s.totals.courseKrw],
		...(testRows.length > 0 ? [[m.tsvc_statement_total({}, o), s.totals.testServiceKrw]] : []),
		[m.statements_total({}, o), s.totals.totalKrw],
		[m.statements_total_voucher_paid({}, o), s.totals.voucherPaidKrw],
		[m.statements_total_remaining({}, o), s.totals.remainingKrw]
	];
	return {
		title: m.statements_title_for({ name: name(s.subject.name_ko, s.subject.name_en), month: s.month }, o),
		bookingHead,
		bookingRows,
		courseHead,
		courseRows,
		testHead,
		testRows,
		totals,
		showCourses: !byFacility
	};
}
