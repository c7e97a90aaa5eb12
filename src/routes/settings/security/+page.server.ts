import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { changePassword } from '$lib/server/auth/service';
import { passwordChangeSchema } from '$lib/server/auth/schemas';
import { deleteSessionCookie, invalidateUserSessions, setSessionCookie } from '$lib/server/auth/session';
import { recordAudit } from '$lib/server/audit/repository';
import { readForm } from '$lib/server/http/form';
import { failFromError } from '$lib/server/http/errors';
import { isSecure, requestContext, requireUser } from '$lib/server/http/context';

export const load = (async (event) => {
	const user = requireUser(event);
	const sessions = await getDb()
		.selectFrom('sessions')
		.select(['id', 'created_at', 'expires_at', 'ip', 'user_agent'])
		.where('user_id', '=', user.id)
		.orderBy('created_at', 'desc')
		.execute();
	return { sessions: sessions.map((s) => ({ ...s, current: s.id === event.locals.session?.id })) };
}) satisfies PageServerLoad;

export const actions = {
	password: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, passwordChangeSchema);
		if (!form.ok) return fail(400, { form: 'password', errors: form.errors });
		try {
			const { token, session } = await changePassword(getDb(), user.id, form.data, requestContext(event));
			setSessionCookie(event.cookies, token, session.expiresAt, isSecure(event));
		} catch (error) {
			return failFromError(error, { form: 'password' });
		}
		return { form: 'password', saved: true };
	},
	signOutEverywhere: async (event) => {
		const user = requireUser(event);
		const db = getDb();
		await db.transaction().execute(async (trx) => {
			await invalidateUserSessions(trx, user.id);
			await recordAudit(trx, { actorId: user.id, action: 'user.signed_out_everywhere', entityType: 'user', entityId: user.id, ip: requestContext(event).ip });
		});
		deleteSessionCookie(event.cookies, isSecure(event));
		redirect(303, '/login');
	}
} satisfies Actions;
