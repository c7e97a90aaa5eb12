import { error } from '@sveltejs/kit';
import { z } from 'zod';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/http/context';
import { throwLoadError } from '$lib/server/app/errors';
import { getProgrammeReport } from '$lib/server/vouchers/programme-report';
import { programmeReportCsv } from '$lib/server/vouchers/programme-report-csv';
import { pageLocale } from '$lib/server/statements/http';
import { download } from '$lib/server/http/download';

export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const callId = z.uuid().safeParse(event.params.id);
	if (!callId.success) error(404, m.error_not_found());
	const report = await getProgrammeReport(getDb(), user, callId.data).catch(throwLoadError);
	return download(
		programmeReportCsv(report, pageLocale()),
		'text/csv; charset=utf-8',
		`medcluster-programme-${callId.data}.csv`
	);
};
