import type { LayoutServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { countUnread } from '$lib/server/notify/repository';
import { hasCurrentRequiredConsent } from '$lib/server/privacy/consent-repository';
import { countPendingApprovals } from '$lib/server/courses/employer';
import { switchedFrom } from '$lib/server/users/visit-language';

// Signed in, the three counts go out together (three pool connections, one wait instead of three).
const countsFor = async (userId: string) => {
	const db = getDb();
	const [unread, consented, approvals] = await Promise.all([
		countUnread(db, userId),
		hasCurrentRequiredConsent(db, userId),
		countPendingApprovals(db, userId)
	]);
	return { unread, consentDue: !consented, approvals };
};

export const load = (async ({ locals, cookies }) => {
	const user = locals.user;
	const counts = user ? await countsFor(user.id) : { unread: 0, consentDue: false, approvals: 0 };
	return {
		user: user && {
			id: user.id,
			name: user.name,
			email: user.email,
			isOperator: user.isOperator,
			emailVerified: user.emailVerified
		},
		unread: counts.unread,
		// A newer privacy notice than the one the person agreed to: ask again (PIPA).
		consentDue: counts.consentDue,
		// Org admins with training requests to decide get a counted link in the main navigation.
		approvals: counts.approvals,
		locale: locals.locale,
		timeZone: locals.timeZone,
		// Sign-in kept the language chosen before it: offer to go back to the account's earlier one.
		languageSwitchedFrom: user ? switchedFrom(cookies) : null
	};
}) satisfies LayoutServerLoad;
