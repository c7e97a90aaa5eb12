import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/http/context';
import { throwLoadError } from '$lib/server/app/errors';
import { getMonthlyReport } from '$lib/server/testbed/reports';
import { reportQuery } from '$lib/server/testbed/schemas';
import { localParts } from '$lib/server/common/zoned-time';

// Facility managers (their facilities) and operators (all); the service decides, not a layout.
export const load = (async (event) => {
	const user = requireUser(event);
	const parsed = reportQuery.safeParse(Object.fromEntries(event.url.searchParams));
	const query = parsed.success ? parsed.data : {};
	const month = query.month ?? localParts(new Date(), event.locals.timeZone).date.slice(0, 7);
	const report = await getMonthlyReport(getDb(), user, { month, facility: query.facility }).catch(throwLoadError);
	return { report, invalid: !parsed.success };
}) satisfies PageServerLoad;
