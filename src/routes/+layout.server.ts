import type { LayoutServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { countUnread } from '$lib/server/notify/repository';
import { hasCurrentRequiredConsent } from '$lib/server/privacy/consent-repository';
import { countPendingApprovals } from '$lib/server/courses/employer';
import { switchedFrom } from '$lib/server/users/visit-language';

export const load = (async ({ locals, cookies }) => {
	const user = locals.user;
	return {
		user: user && {
			id: user.id,
			name: user.name,
			email: user.email,
			isOperator: user.isOperator,
			emailVerified: user.emailVerified
		},
		unread: user ? await countUnread(getDb(), user.id) : 0,
		// A newer privacy notice than the one the person agreed to: ask again (PIPA).
		consentDue: user ? !(await hasCurrentRequiredConsent(getDb(), user.id)) : false,
		// Org admins with training requests to decide get a counted link in the main navigation.
		approvals: user ? await countPendingApprovals(getDb(), user.id) : 0,
		locale: locals.locale,
		timeZone: locals.timeZone,
		// Sign-in kept the language chosen before it: offer to go back to the account's earlier one.
		languageSwitchedFrom: user ? switchedFrom(cookies) : null
	};
}) satisfies LayoutServerLoad;
