import { error } from '@sveltejs/kit';
import { z } from 'zod';
import * as m from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/http/context';
import { throwLoadError } from '$lib/server/app/errors';
import { getProgrammeReport } from '$lib/server/vouchers/programme-report';
import { programmeReportRows } from '$lib/server/vouchers/programme-report-csv';
import { pageLocale } from '$lib/server/statements/http';

// Operators for now; programme managers are added at the merge with the programme tables.
export const load = (async (event) => {
	const user = requireUser(event);
	const callId = z.uuid().safeParse(event.params.id);
	if (!callId.success) error(404, m.error_not_found());
	const report = await getProgrammeReport(getDb(), user, callId.data).catch(throwLoadError);
	return { callId: callId.data, rows: programmeReportRows(report, pageLocale()) };
}) satisfies PageServerLoad;
