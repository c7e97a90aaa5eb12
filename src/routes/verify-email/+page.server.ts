import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { resendVerificationEmail } from '$lib/server/auth/service';
import { failFromError } from '$lib/server/app/errors';
import { requestContext, requireUser } from '$lib/server/http/context';

export const load = ((event) => {
	const user = requireUser(event);
	return { email: user.email, verified: user.emailVerified };
}) satisfies PageServerLoad;

export const actions = {
	resend: async (event) => {
		const user = requireUser(event);
		try {
			await resendVerificationEmail(getDb(), user.id, requestContext(event).origin);
		} catch (error) {
			return failFromError(error);
		}
		return { resent: true };
	}
} satisfies Actions;
