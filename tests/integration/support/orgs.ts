// Helpers for the organisation tests: a staffed organisation, and what a flow wrote (or did not).
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Executor } from '$lib/server/db';
import type { MemberRole, UserRow } from '$lib/server/db/types';
import type { Actor } from '$lib/server/orgs/access';
import type { NewOrganizationInput } from '$lib/server/orgs/service';
import { addMember, createOrganization, createUser, uniqueSuffix } from '../../factories';

export const ORIGIN = 'http://127.0.0.1:3000';
export const context = { ip: '127.0.0.1', origin: ORIGIN };

export const actor = (user: UserRow): Actor => ({ id: user.id, isOperator: user.is_operator });

export function newOrgInput(overrides: Partial<NewOrganizationInput> = {}): NewOrganizationInput {
	const suffix = uniqueSuffix();
	return {
		slug: `new-org-${suffix}`,
		kind: 'company',
		nameKo: `메디텍 ${suffix}`,
		nameEn: `Meditech ${suffix}`,
		summaryKo: '웨어러블 심전도 패치',
		summaryEn: 'Wearable ECG patch',
		region: 'Wonju',
		website: 'https://meditech.example',
		foundedYear: 2019,
		...overrides
	};
}

/** An organisation with one user in each role. */
export async function orgWithStaff(db: Executor, status: 'pending' | 'verified' = 'verified') {
	const org = await createOrganization(db, { status });
	const [owner, admin, member] = await Promise.all([createUser(db), createUser(db), createUser(db)]);
	await addMember(db, org.id, owner.id, 'owner');
	await addMember(db, org.id, admin.id, 'admin');
	await addMember(db, org.id, member.id, 'member');
	return { org, owner, admin, member };
}

export async function roleOf(db: Executor, orgId: string, userId: string): Promise<MemberRole | undefined> {
	const row = await db
		.selectFrom('memberships')
		.select('role')
		.where('org_id', '=', orgId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return row?.role;
}

const ORG_TABLES = [
	'organizations',
	'memberships',
	'join_requests',
	'invitations',
	'audit_log',
	'notifications',
	'email_outbox'
] as const;

/** Row counts of every table an organisation flow writes to. */
export async function tableCounts(db: Executor) {
	const counts: Record<string, number> = {};
	for (const table of ORG_TABLES) {
		const row = await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		counts[table] = Number(row.n);
	}
	return counts;
}

/** Runs `attempt`, expects it to fail with `errorClass`, and expects it to have written nothing. */
export async function expectRefusedWithoutWrites(
	db: Executor,
	attempt: () => Promise<unknown>,
	errorClass: new (...args: never[]) => Error
) {
	const before = await tableCounts(db);
	await expect(attempt()).rejects.toBeInstanceOf(errorClass);
	expect(await tableCounts(db)).toEqual(before);
}

export function auditFor(db: Executor, orgId: string) {
	return db
		.selectFrom('audit_log')
		.select(['actor_id', 'action', 'data'])
		.where('entity_type', '=', 'organization')
		.where('entity_id', '=', orgId)
		.orderBy('id')
		.execute();
}

export function notificationsOf(db: Executor, userId: string) {
	return db
		.selectFrom('notifications')
		.select(['kind', 'params', 'link'])
		.where('user_id', '=', userId)
		.orderBy('created_at')
		.execute();
}

/** The token of the newest invitation e-mailed to `email`. */
export async function invitationToken(db: Executor, email: string): Promise<string> {
	const rows = await db
		.selectFrom('email_outbox')
		.select('body_text')
		.where(sql`lower(to_address)`, '=', email.toLowerCase())
		.orderBy('created_at', 'desc')
		.execute();
	const pattern = new RegExp(`${ORIGIN}/invitations/(inv_[a-z0-9]+\\.[a-z2-7]+)`);
	for (const { body_text } of rows) {
		const match = pattern.exec(body_text);
		if (match) return match[1];
	}
	throw new Error(`No invitation e-mail to ${email}`);
}
