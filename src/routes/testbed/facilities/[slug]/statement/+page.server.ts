import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/http/context';
import { throwLoadError } from '$lib/server/app/errors';
import { getStatement } from '$lib/server/statements/service';
import { monthOf } from '$lib/server/statements/http';

// The facility's managers and operators: every organisation's billable time at the facility.
export const load = (async (event) => {
	const user = requireUser(event);
	const { month, invalid } = monthOf(event);
	const statement = await getStatement(getDb(), user, { facility: event.params.slug, month }).catch(throwLoadError);
	return { statement, invalid, base: `/testbed/facilities/${statement.subject.slug}/statement` };
}) satisfies PageServerLoad;
