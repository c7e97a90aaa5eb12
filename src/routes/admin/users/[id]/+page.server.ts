import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { requestContext, requireOperator } from '$lib/server/http/context';
import { findCurrentConsents } from '$lib/server/privacy/consent-repository';
import { logPersonalDataAccess } from '$lib/server/privacy/access-log';

const idParam = z.uuid();

// An operator's view of one person: every view is written to the audit log (issue #16, item 7).
export const load = (async (event) => {
	const operator = requireOperator(event);
	const id = idParam.safeParse(event.params.id);
	if (!id.success) error(404, m.error_not_found());
	const db = getDb();
	const user = await db
		.selectFrom('users')
		.select([
			'id',
			'email',
			'name',
			'locale',
			'time_zone',
			'is_operator',
			'email_verified_at',
			'disabled_at',
			'deleted_at',
			'directory_listed',
			'created_at'
		])
		.where('id', '=', id.data)
		.executeTakeFirst();
	if (!user) error(404, m.error_not_found());
	const memberships = await db
		.selectFrom('memberships')
		.innerJoin('organizations', 'organizations.id', 'memberships.org_id')
		.select([
			'organizations.id',
			'organizations.slug',
			'organizations.name_ko',
			'organizations.name_en',
			'memberships.role'
		])
		.where('memberships.user_id', '=', user.id)
		.execute();
	const consents = [...(await findCurrentConsents(db, user.id)).values()];
	await logPersonalDataAccess(db, {
		actorId: operator.id,
		source: 'admin.user',
		kind: 'viewed',
		entityType: 'user',
		entityId: user.id,
		ip: requestContext(event).ip
	});
	return { person: user, memberships, consents };
}) satisfies PageServerLoad;
