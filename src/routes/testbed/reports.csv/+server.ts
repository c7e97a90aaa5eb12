import { error } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/http/context';
import { throwLoadError } from '$lib/server/app/errors';
import { reportCsv } from '$lib/server/testbed/report-csv';
import { getMonthlyReport } from '$lib/server/testbed/reports';
import { reportQuery } from '$lib/server/testbed/schemas';
import { csvDownload } from '$lib/server/http/download';

// `?month=YYYY-MM[&facility=slug]`: the report page's numbers as a spreadsheet (UTF-8 with a BOM).
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const parsed = reportQuery.safeParse(Object.fromEntries(event.url.searchParams));
	if (!parsed.success || !parsed.data.month) error(400, m.testbed_report_month_invalid());
	const { month, facility } = parsed.data;
	const report = await getMonthlyReport(getDb(), user, { month, facility }).catch(throwLoadError);
	const filename = `medcluster-testbed-${facility ? `${facility}-` : ''}${month}.csv`;
	return csvDownload(reportCsv(report, getLocale() === 'en' ? 'en' : 'ko'), filename);
};
