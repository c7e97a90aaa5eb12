import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { listUserMemberships } from '$lib/server/orgs/repository';
import { authenticated } from '$lib/server/app/api';

export const GET: RequestHandler = authenticated(async (_event, user) => {
	const memberships = await listUserMemberships(getDb(), user.id);
	return json({
		id: user.id,
		email: user.email,
		name: user.name,
		locale: user.locale,
		timeZone: user.timeZone,
		isOperator: user.isOperator,
		emailVerified: user.emailVerified,
		memberships: memberships.map((org) => ({
			slug: org.slug,
			kind: org.kind,
			nameKo: org.name_ko,
			nameEn: org.name_en,
			status: org.status,
			role: org.role
		}))
	});
});
