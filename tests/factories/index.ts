// Test data: rows inserted directly, with unique e-mails and slugs, so each test builds only what it needs.
import { randomBytes } from 'node:crypto';
import type { Executor } from '$lib/server/db';
import { createSession } from '$lib/server/auth/session';
import type { MemberRole, NewOrganization, NewUser, OrganizationRow, UserRow } from '$lib/server/db/types';

/** The password of every factory user; its argon2id hash is precomputed so tests skip the slow hashing. */
export const TEST_PASSWORD = 'correct horse battery';
export const TEST_PASSWORD_HASH =
	'$argon2id$v=19$m=19456,t=2,p=1$EZXjiXlBhaBLlJuY6lzjeg$Srm8dI39hU3QQ6AoLiBNytqUxMqsPk10+NPm019PuSs';

let counter = 0;

/** A short token unique within this process (counter) and across parallel workers (random part). */
export function uniqueSuffix(): string {
	counter += 1;
	return `${counter}${randomBytes(3).toString('hex')}`;
}

export function uniqueEmail(prefix = 'user'): string {
	return `${prefix}-${uniqueSuffix()}@example.test`;
}

export async function createUser(db: Executor, overrides: Partial<NewUser> = {}): Promise<UserRow> {
	const suffix = uniqueSuffix();
	return db
		.insertInto('users')
		.values({
			email: `user-${suffix}@example.test`,
			password_hash: TEST_PASSWORD_HASH,
			name: `Test User ${suffix}`,
			locale: 'en',
			email_verified_at: new Date(),
			disabled_at: null,
			...overrides
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

export function createOperator(db: Executor, overrides: Partial<NewUser> = {}): Promise<UserRow> {
	return createUser(db, { name: 'Alliance Operator', ...overrides, is_operator: true });
}

export async function createOrganization(
	db: Executor,
	overrides: Partial<NewOrganization> = {}
): Promise<OrganizationRow> {
	const suffix = uniqueSuffix();
	const status = overrides.status ?? 'verified';
	return db
		.insertInto('organizations')
		.values({
			slug: `org-${suffix}`,
			kind: 'company',
			name_ko: `테스트 기업 ${suffix}`,
			name_en: `Test Company ${suffix}`,
			website: null,
			founded_year: null,
			// The schema demands a reason for every rejection.
			status_reason: status === 'rejected' ? 'Rejected by a test' : null,
			created_by: null,
			verified_at: status === 'verified' ? new Date() : null,
			...overrides,
			status
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

export async function addMember(db: Executor, orgId: string, userId: string, role: MemberRole): Promise<void> {
	await db.insertInto('memberships').values({ org_id: orgId, user_id: userId, role }).execute();
}

/**
 * A signed-in browser session for `user`, as route tests put it in `locals`. Operators reach /admin
 * only with a session that passed a second factor: pass `twoFactorVerified: true` for admin tests.
 */
export async function createSignedInLocals(db: Executor, user: UserRow, options: { twoFactorVerified?: boolean } = {}) {
	const { token, session } = await createSession(db, user.id, {
		ip: '192.0.2.1',
		userAgent: 'factory',
		twoFactorVerified: options.twoFactorVerified ?? false
	});
	const sessionUser = {
		id: user.id,
		email: user.email,
		name: user.name,
		locale: user.locale,
		timeZone: user.time_zone,
		isOperator: user.is_operator,
		emailVerified: user.email_verified_at !== null
	};
	return { token, locals: { user: sessionUser, session, authVia: 'cookie' as const, pendingSignIn: null } };
}

/** An operator with a session that passed a second factor, ready for /admin loads and actions. */
export async function createSignedInOperator(db: Executor, overrides: Partial<NewUser> = {}) {
	const operator = await createOperator(db, overrides);
	return { operator, ...(await createSignedInLocals(db, operator, { twoFactorVerified: true })) };
}
