import { fail } from '@sveltejs/kit';
import type { Actions } from './$types';
import { getDb } from '$lib/server/runtime';
import { requestPasswordReset } from '$lib/server/auth/service';
import { resetRequestSchema } from '$lib/server/auth/schemas';
import { RateLimitedError } from '$lib/server/errors';
import { readForm } from '$lib/server/http/form';
import { failFromError } from '$lib/server/app/errors';
import { requestContext } from '$lib/server/http/context';

export const actions = {
	default: async (event) => {
		const form = await readForm(event.request, resetRequestSchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		try {
			await requestPasswordReset(getDb(), form.data.email, requestContext(event));
		} catch (error) {
			if (error instanceof RateLimitedError) event.setHeaders({ 'retry-after': String(error.retryAfterSeconds) });
			return failFromError(error, { values: form.values });
		}
		return { sent: true, email: form.data.email };
	}
} satisfies Actions;
