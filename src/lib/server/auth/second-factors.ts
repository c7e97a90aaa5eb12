// What "has a second factor" means everywhere: TOTP turned on, or at least one passkey. Operators and
// members of organisations that require two-step verification need one; a password sign-in of
// anyone who has one owes its second step.
import type { Executor } from '../db';
import { OrgSecondFactorRequiredError } from './errors';

export type SecondFactors = { totp: boolean; passkey: boolean };

export async function secondFactorsOf(db: Executor, userId: string): Promise<SecondFactors> {
	const row = await db
		.selectFrom('users')
		.select('users.totp_enabled_at')
		.select((eb) =>
			eb
				.exists(eb.selectFrom('passkeys').select('passkeys.id').whereRef('passkeys.user_id', '=', 'users.id'))
				.as('has_passkey')
		)
		.where('users.id', '=', userId)
		.executeTakeFirst();
	return { totp: row?.totp_enabled_at != null, passkey: Boolean(row?.has_passkey) };
}

export const hasSecondFactor = (factors: SecondFactors) => factors.totp || factors.passkey;

/** Whether an organisation the user belongs to requires two-step verification of its members. */
export async function orgRequiresSecondFactor(db: Executor, userId: string): Promise<boolean> {
	const row = await db
		.selectFrom('memberships')
		.innerJoin('organizations', 'organizations.id', 'memberships.org_id')
		.select('memberships.user_id')
		.where('memberships.user_id', '=', userId)
		.where('organizations.require_two_factor', '=', true)
		.executeTakeFirst();
	return row !== undefined;
}

const isOperator = async (db: Executor, userId: string) =>
	(await db.selectFrom('users').select('is_operator').where('id', '=', userId).executeTakeFirst())?.is_operator ===
	true;

/**
 * For API tokens (using one, making one): an operator, or a member of an organisation that requires
 * two-step verification, may not reach the portal through a token while the account has no second factor.
 */
export async function assertOrgSecondFactorRule(db: Executor, userId: string): Promise<void> {
	if (!(await isOperator(db, userId)) && !(await orgRequiresSecondFactor(db, userId))) return;
	if (!hasSecondFactor(await secondFactorsOf(db, userId))) throw new OrgSecondFactorRequiredError();
}
