// Account rules: sign-up, sign-in, e-mail verification, password reset and settings.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db';
import type { Locale } from '../db/types';
import { isUniqueViolation } from '../db/errors';
import { ForbiddenError, NotFoundError } from '../errors';
import * as userRepository from '../users/repository';
import { recordAudit } from '../audit/repository';
import { sendEmail } from '../notify/service';
import { hashPassword, verifyPassword } from './password';
import { createOneTimeToken, consumeOneTimeToken } from './one-time-token';
import { createSession, invalidateUserSessions } from './session';
import { revokeAllApiTokens } from './api-token';
import { noteSignInDevice } from './new-device';
import { hasSecondFactor, secondFactorsOf } from './second-factors';
import * as rateLimit from './rate-limit';
import { recordSignUpConsents, type OptionalChoices } from '../privacy/consent-service';
import { AccountDisabledError, EmailTakenError, InvalidCredentialsError, WrongPasswordError } from './errors';

const HOUR_MS = 60 * 60 * 1000;
export const EMAIL_VERIFICATION_LIFETIME_MS = 48 * HOUR_MS;
export const PASSWORD_RESET_LIFETIME_MS = HOUR_MS;

// Verifying against a real hash when the account does not exist keeps timing from revealing that.
const DUMMY_HASH = hashPassword('not-a-real-password-0');

/** `twoFactorVerified`: the current session passed a second factor (kept by a password change's new session). */
export type RequestContext = {
	ip: string | null;
	userAgent: string | null;
	origin: string;
	twoFactorVerified?: boolean;
};

export async function signUp(
	db: Kysely<DB>,
	input: { email: string; password: string; name: string; locale: Locale; consent: OptionalChoices },
	context: RequestContext
) {
	if (context.ip) await rateLimit.consumeRateLimit(db, `signup:ip:${context.ip}`, rateLimit.SIGN_UP_PER_IP);
	const passwordHash = await hashPassword(input.password);
	try {
		return await db.transaction().execute(async (trx) => {
			const user = await userRepository.insertUser(trx, {
				email: input.email,
				password_hash: passwordHash,
				name: input.name,
				locale: input.locale
			});
			const noticeVersion = await recordSignUpConsents(trx, user.id, input.consent);
			await recordAudit(trx, {
				actorId: user.id,
				action: 'user.sign_up',
				entityType: 'user',
				entityId: user.id,
				data: { noticeVersion },
				ip: context.ip
			});
			await sendVerificationEmail(trx, user, context.origin);
			const session = await createSession(trx, user.id, context);
			return { user, ...session };
		});
	} catch (error) {
		if (isUniqueViolation(error, 'users_email_key')) throw new EmailTakenError();
		throw error;
	}
}

async function sendVerificationEmail(
	db: Parameters<typeof createOneTimeToken>[0],
	user: { id: string; email: string; name: string; locale: Locale },
	origin: string
) {
	const token = await createOneTimeToken(db, user.id, 'email_verification', EMAIL_VERIFICATION_LIFETIME_MS);
	await sendEmail(db, {
		to: user.email,
		locale: user.locale,
		kind: 'email_verification',
		params: { name: user.name },
		url: new URL(`/verify-email/${token}`, origin).href
	});
}

export async function resendVerificationEmail(db: Kysely<DB>, userId: string, origin: string) {
	await rateLimit.consumeRateLimit(db, `verify:user:${userId}`, { limit: 5, windowSeconds: 3600 });
	const user = await userRepository.findUserById(db, userId);
	if (!user || user.email_verified_at) return;
	await db.transaction().execute((trx) => sendVerificationEmail(trx, user, origin));
}

export async function verifyEmail(db: Kysely<DB>, token: string, ip: string | null) {
	return db.transaction().execute(async (trx) => {
		const userId = await consumeOneTimeToken(trx, token, 'email_verification');
		const user = await userRepository.updateUser(trx, userId, { email_verified_at: new Date() });
		await recordAudit(trx, {
			actorId: userId,
			action: 'user.email_verified',
			entityType: 'user',
			entityId: userId,
			ip
		});
		return user;
	});
}

export async function signIn(db: Kysely<DB>, input: { email: string; password: string }, context: RequestContext) {
	const accountKey = `signin:account:${input.email.toLowerCase()}`;
	const ipKey = context.ip ? `signin:ip:${context.ip}` : null;
	if (ipKey) await rateLimit.consumeRateLimit(db, ipKey, rateLimit.SIGN_IN_PER_IP);
	await rateLimit.consumeRateLimit(db, accountKey, rateLimit.SIGN_IN_PER_ACCOUNT);
	const user = await userRepository.findUserByEmail(db, input.email);
	const valid = await verifyPassword(user?.password_hash ?? (await DUMMY_HASH), input.password);
	if (!user || !valid) throw new InvalidCredentialsError();
	if (user.disabled_at) throw new AccountDisabledError();
	// Successful sign-ins do not count against the address or the account.
	await rateLimit.clearRateLimit(db, accountKey);
	if (ipKey) await rateLimit.refundRateLimit(db, ipKey);
	// With a second factor (TOTP or a passkey), this session counts as signed out until /login/two-factor
	// takes a code or a passkey; the new-device e-mail waits for that, a half-done sign-in sends none.
	const needsSecondStep = hasSecondFactor(await secondFactorsOf(db, user.id));
	const session = await createSession(db, user.id, { ...context, twoFactorVerified: false });
	if (!needsSecondStep) await noteSignInDevice(db, user, context);
	return { user, ...session, needsSecondStep };
}

export async function requestPasswordReset(db: Kysely<DB>, email: string, context: RequestContext) {
	if (context.ip) await rateLimit.consumeRateLimit(db, `reset:ip:${context.ip}`, rateLimit.RESET_PER_IP);
	await rateLimit.consumeRateLimit(db, `reset:account:${email.toLowerCase()}`, rateLimit.RESET_PER_ACCOUNT);
	const user = await userRepository.findUserByEmail(db, email);
	// The answer is the same whether or not the account exists.
	if (!user || user.disabled_at) return;
	await db.transaction().execute(async (trx) => {
		const token = await createOneTimeToken(trx, user.id, 'password_reset', PASSWORD_RESET_LIFETIME_MS);
		await sendEmail(trx, {
			to: user.email,
			locale: user.locale,
			kind: 'password_reset',
			params: { name: user.name },
			url: new URL(`/reset-password/${token}`, context.origin).href
		});
	});
}

export async function resetPassword(db: Kysely<DB>, token: string, password: string, ip: string | null) {
	const passwordHash = await hashPassword(password);
	return db.transaction().execute(async (trx) => {
		const userId = await consumeOneTimeToken(trx, token, 'password_reset');
		// Following the link proves the address, too: keep the first verification time, else now.
		const user = await trx
			.updateTable('users')
			.set({
				password_hash: passwordHash,
				email_verified_at: sql`coalesce(email_verified_at, now())`,
				updated_at: new Date()
			})
			.where('id', '=', userId)
			.returningAll()
			.executeTakeFirstOrThrow();
		await invalidateUserSessions(trx, userId);
		// Whoever had the account may have made tokens: a reset takes every way in away from them.
		await revokeApiTokensAudited(trx, userId, 'password_reset', ip);
		await recordAudit(trx, {
			actorId: userId,
			action: 'user.password_reset',
			entityType: 'user',
			entityId: userId,
			ip
		});
		return user;
	});
}

export async function changePassword(
	db: Kysely<DB>,
	userId: string,
	input: { currentPassword: string; newPassword: string; revokeApiTokens?: boolean },
	context: RequestContext
) {
	// Same style as sign-in's per-account limit: failures count, a success clears the count.
	const limitKey = `password:account:${userId}`;
	await rateLimit.consumeRateLimit(db, limitKey, rateLimit.PASSWORD_CHECK_PER_ACCOUNT);
	const user = await userRepository.findUserById(db, userId);
	if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) throw new WrongPasswordError();
	await rateLimit.clearRateLimit(db, limitKey);
	const passwordHash = await hashPassword(input.newPassword);
	return db.transaction().execute(async (trx) => {
		await userRepository.updateUser(trx, userId, { password_hash: passwordHash });
		await invalidateUserSessions(trx, userId);
		if (input.revokeApiTokens) await revokeApiTokensAudited(trx, userId, 'password_changed', context.ip);
		await recordAudit(trx, {
			actorId: userId,
			action: 'user.password_changed',
			entityType: 'user',
			entityId: userId,
			ip: context.ip
		});
		return createSession(trx, userId, context);
	});
}

/** Ends every session of the user, and their API tokens too when asked. */
export async function signOutEverywhere(
	db: Kysely<DB>,
	userId: string,
	options: { revokeApiTokens: boolean },
	ip: string | null
) {
	await db.transaction().execute(async (trx) => {
		await invalidateUserSessions(trx, userId);
		if (options.revokeApiTokens) await revokeApiTokensAudited(trx, userId, 'signed_out_everywhere', ip);
		await recordAudit(trx, {
			actorId: userId,
			action: 'user.signed_out_everywhere',
			entityType: 'user',
			entityId: userId,
			ip
		});
	});
}

async function revokeApiTokensAudited(trx: Transaction<DB>, userId: string, reason: string, ip: string | null) {
	const count = await revokeAllApiTokens(trx, userId);
	if (count > 0)
		await recordAudit(trx, {
			actorId: userId,
			action: 'user.api_tokens_revoked',
			entityType: 'user',
			entityId: userId,
			data: { count, reason },
			ip
		});
}

export async function updateProfile(
	db: Kysely<DB>,
	userId: string,
	input: { name: string; locale: Locale; timeZone: string }
) {
	return userRepository.updateUser(db, userId, { name: input.name, locale: input.locale, time_zone: input.timeZone });
}

export async function setUserDisabled(
	db: Kysely<DB>,
	operatorId: string,
	userId: string,
	disabled: boolean,
	ip: string | null
) {
	if (operatorId === userId) throw new ForbiddenError();
	return db.transaction().execute(async (trx) => {
		if (!(await userRepository.findUserById(trx, userId))) throw new NotFoundError();
		const user = await userRepository.updateUser(trx, userId, { disabled_at: disabled ? new Date() : null });
		if (disabled) await invalidateUserSessions(trx, userId);
		await recordAudit(trx, {
			actorId: operatorId,
			action: disabled ? 'user.disabled' : 'user.enabled',
			entityType: 'user',
			entityId: userId,
			ip
		});
		return user;
	});
}
