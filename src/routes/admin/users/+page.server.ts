import { fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { setUserDisabled } from '$lib/server/auth/service';
import { findUserById, listUsers } from '$lib/server/users/repository';
import { readForm } from '$lib/server/http/form';
import { failFromError } from '$lib/server/app/errors';
import { requestContext, requireOperator } from '$lib/server/http/context';
import { logPersonalDataAccess } from '$lib/server/privacy/access-log';
import { PAGE_SIZE, userActionSchema, usersQuerySchema } from './schema';

export const load = (async (event) => {
	const operator = requireOperator(event);
	const query = usersQuerySchema.parse({
		q: event.url.searchParams.get('q') ?? '',
		page: event.url.searchParams.get('page') ?? 1
	});
	// One row more than a page tells whether there is a next page, without counting.
	const rows = await listUsers(getDb(), query.q || undefined, PAGE_SIZE + 1, (query.page - 1) * PAGE_SIZE);
	await logPersonalDataAccess(getDb(), {
		actorId: operator.id,
		source: 'admin.users',
		kind: 'viewed',
		entityType: 'user_list',
		entityId: 'users',
		data: { q: query.q, page: query.page, shown: Math.min(rows.length, PAGE_SIZE) },
		ip: requestContext(event).ip
	});
	return {
		users: rows.slice(0, PAGE_SIZE),
		hasNext: rows.length > PAGE_SIZE,
		page: query.page,
		q: query.q,
		currentUserId: operator.id
	};
}) satisfies PageServerLoad;

async function setDisabled(event: RequestEvent, disabled: boolean) {
	const operator = requireOperator(event);
	const form = await readForm(event.request, userActionSchema);
	if (!form.ok) return fail(400, { userId: form.values.userId, message: m.error_validation_failed() });
	const { userId } = form.data;
	if (disabled && userId === operator.id) return fail(400, { userId, message: m.admin_users_cannot_disable_self() });
	const db = getDb();
	if (!(await findUserById(db, userId))) return fail(404, { userId, message: m.admin_users_not_found() });
	try {
		const user = await setUserDisabled(db, operator.id, userId, disabled, requestContext(event).ip);
		const success = disabled
			? m.admin_users_disabled_done({ name: user.name })
			: m.admin_users_enabled_done({ name: user.name });
		return { userId, success };
	} catch (error) {
		return failFromError(error, { userId });
	}
}

export const actions = {
	disable: (event) => setDisabled(event, true),
	enable: (event) => setDisabled(event, false)
} satisfies Actions;
