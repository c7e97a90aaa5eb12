import type { LayoutServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { countUnread } from '$lib/server/notify/repository';

export const load = (async ({ locals }) => {
	const user = locals.user;
	return {
		user: user && { id: user.id, name: user.name, email: user.email, isOperator: user.isOperator, emailVerified: user.emailVerified },
		unread: user ? await countUnread(getDb(), user.id) : 0,
		locale: locals.locale,
		timeZone: locals.timeZone
	};
}) satisfies LayoutServerLoad;
