// The monthly report as one CSV: resources first, then organisations, headed in the viewer's language.
import * as m from '$lib/paraglide/messages';
import { toCsv, type Cell } from '$lib/server/common/csv';
import type { MonthlyReport } from './reports';
import { textIn } from '$lib/localized';

const percent = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

export function reportCsv(report: MonthlyReport, locale: 'ko' | 'en'): string {
	const name = (ko: string, en: string) => textIn(locale, ko, en);
	const rows: Cell[][] = [
		[m.testbed_report_month(), report.month],
		[],
		[
			m.testbed_report_facility(),
			m.testbed_resource(),
			m.testbed_report_bookable_hours(),
			m.testbed_report_booked_hours(),
			m.testbed_report_utilisation_percent(),
			m.testbed_report_bookings(),
			m.testbed_report_no_shows(),
			m.testbed_report_no_show_rate_percent()
		],
		...report.resources.map((r) => [
			name(r.facility_name_ko, r.facility_name_en),
			name(r.name_ko, r.name_en),
			r.bookableHours,
			r.bookedHours,
			percent(r.utilisation),
			r.bookings,
			r.noShows,
			percent(r.noShowRate)
		]),
		[],
		[
			m.testbed_report_organization(),
			m.testbed_report_bookings(),
			m.testbed_report_hours(),
			m.testbed_report_no_shows()
		],
		...report.organizations.map((o) => [name(o.name_ko, o.name_en), o.bookings, o.hours, o.noShows])
	];
	return toCsv(rows);
}
