import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/http/context';
import { throwLoadError } from '$lib/server/app/errors';
import { getStatement } from '$lib/server/statements/service';
import { monthOf } from '$lib/server/statements/http';

// The organisation's members and operators; the service answers 404 to anybody else.
export const load = (async (event) => {
	const user = requireUser(event);
	const { month, invalid } = monthOf(event);
	const statement = await getStatement(getDb(), user, { org: event.params.org, month }).catch(throwLoadError);
	return { statement, invalid, base: `/statements/${statement.subject.slug}` };
}) satisfies PageServerLoad;
