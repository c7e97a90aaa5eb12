// "Delete my account": after the password is checked again, personal data is erased or replaced by a
// pseudonym in one transaction. Kept, under the pseudonym (the README of the export says why): the
// user row itself (bookings and enrolments of organisations point at it), audit rows, issued
// certificates (they still verify), consent records, and what the person wrote for an organisation
// (needs, responses, meeting requests). Erased: sign-in data, sessions, tokens, notifications, chat
// and questions in IR rooms, memberships and role grants, and e-mail to the address. Copies of the
// address and the name elsewhere (audit data, notifications, e-mail bodies, free text) become the pseudonym.
import { sql, type Kysely } from 'kysely';
import type { DB, Executor } from '../db';
import { NotFoundError } from '../errors';
import { recordAudit } from '../audit/repository';
import { verifyPassword } from '../auth/password';
import { WrongPasswordError } from '../auth/errors';
import * as rateLimit from '../auth/rate-limit';
import { LastOwnerError } from '../orgs/errors';
import { listTextColumns, replaceEverywhere } from './sweep';

export const MIN_SWEPT_NAME_LENGTH = 3;

/** What a deleted account is called from now on: stable, and unique to the account. */
export function pseudonymFor(userId: string) {
	const short = userId.replace(/-/g, '').slice(0, 10);
	return { name: `탈퇴 회원 · Deleted user ${short}`, email: `deleted-${userId}@deleted.invalid` };
}

/** Organisations where the person is the only owner: they must hand them over first. */
export function findSoleOwnerships(db: Executor, userId: string) {
	return db
		.selectFrom('memberships as mine')
		.innerJoin('organizations', 'organizations.id', 'mine.org_id')
		.select(['organizations.id', 'organizations.slug', 'organizations.name_ko', 'organizations.name_en'])
		.where('mine.user_id', '=', userId)
		.where('mine.role', '=', 'owner')
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('memberships as other')
						.select('other.user_id')
						.whereRef('other.org_id', '=', 'mine.org_id')
						.where('other.role', '=', 'owner')
						.where('other.user_id', '<>', userId)
				)
			)
		)
		.execute();
}

export async function deleteAccount(db: Kysely<DB>, userId: string, password: string, ip: string | null) {
	// Re-authentication, limited like a password change: failures count, success clears.
	const limitKey = `password:account:${userId}`;
	await rateLimit.consumeRateLimit(db, limitKey, rateLimit.PASSWORD_CHECK_PER_ACCOUNT);
	const found = await db
		.selectFrom('users')
		.select(['password_hash', 'deleted_at'])
		.where('id', '=', userId)
		.executeTakeFirst();
	if (!found || found.deleted_at) throw new NotFoundError();
	if (!(await verifyPassword(found.password_hash, password))) throw new WrongPasswordError();
	await rateLimit.clearRateLimit(db, limitKey);

	return db.transaction().execute(async (trx) => {
		const user = await trx
			.selectFrom('users')
			.select(['id', 'email', 'name'])
			.where('id', '=', userId)
			.where('deleted_at', 'is', null)
			.forUpdate()
			.executeTakeFirst();
		if (!user) throw new NotFoundError();
		// Lock the person's memberships so no owner leaves an organisation meanwhile.
		await trx
			.selectFrom('memberships')
			.select('org_id')
			.where('org_id', 'in', trx.selectFrom('memberships').select('org_id').where('user_id', '=', userId))
			.forUpdate()
			.execute();
		const soleOwned = await findSoleOwnerships(trx, userId);
		if (soleOwned.length > 0) throw new LastOwnerError();

		const pseudonym = pseudonymFor(userId);
		const removed: Record<string, number> = {};
		const count = async (label: string, run: Promise<{ numDeletedRows: bigint }[]>) => {
			removed[label] = (await run).reduce((sum, r) => sum + Number(r.numDeletedRows), 0);
		};
		await count('sessions', trx.deleteFrom('sessions').where('user_id', '=', userId).execute());
		await count('api_tokens', trx.deleteFrom('api_tokens').where('user_id', '=', userId).execute());
		// Second factors and the devices seen: nothing of them is kept.
		await count('recovery_codes', trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute());
		await count('passkeys', trx.deleteFrom('passkeys').where('user_id', '=', userId).execute());
		await count('webauthn_challenges', trx.deleteFrom('webauthn_challenges').where('user_id', '=', userId).execute());
		await count('known_devices', trx.deleteFrom('known_devices').where('user_id', '=', userId).execute());
		await count('one_time_tokens', trx.deleteFrom('one_time_tokens').where('user_id', '=', userId).execute());
		await count('calendar_feed_tokens', trx.deleteFrom('calendar_feed_tokens').where('user_id', '=', userId).execute());
		await count('notifications', trx.deleteFrom('notifications').where('user_id', '=', userId).execute());
		await count(
			'notification_preferences',
			trx.deleteFrom('notification_preferences').where('user_id', '=', userId).execute()
		);
		await count('saved_needs', trx.deleteFrom('saved_needs').where('user_id', '=', userId).execute());
		await count('need_response_reads', trx.deleteFrom('need_response_reads').where('user_id', '=', userId).execute());
		await count('digest_sends', trx.deleteFrom('digest_sends').where('user_id', '=', userId).execute());
		await count('reminders_sent', trx.deleteFrom('reminders_sent').where('user_id', '=', userId).execute());
		await count('ir_chat_messages', trx.deleteFrom('ir_chat_messages').where('user_id', '=', userId).execute());
		await count('ir_questions', trx.deleteFrom('ir_questions').where('user_id', '=', userId).execute());
		await count('contact_messages', trx.deleteFrom('contact_messages').where('sender_id', '=', userId).execute());
		await count('join_requests', trx.deleteFrom('join_requests').where('user_id', '=', userId).execute());
		await count('memberships', trx.deleteFrom('memberships').where('user_id', '=', userId).execute());
		await count('facility_managers', trx.deleteFrom('facility_managers').where('user_id', '=', userId).execute());
		await count('course_managers', trx.deleteFrom('course_managers').where('user_id', '=', userId).execute());
		await count('need_reviewers', trx.deleteFrom('need_reviewers').where('user_id', '=', userId).execute());
		await count(
			'programme_consultants',
			trx.deleteFrom('programme_consultants').where('user_id', '=', userId).execute()
		);
		await count(
			'invitations',
			trx
				.deleteFrom('invitations')
				.where(sql`lower(email)`, '=', user.email.toLowerCase())
				.execute()
		);
		await count(
			'email_outbox',
			trx
				.deleteFrom('email_outbox')
				.where(sql`lower(to_address)`, '=', user.email.toLowerCase())
				.execute()
		);
		await count(
			'rate_limits',
			trx
				.deleteFrom('rate_limits')
				.where(sql<number>`strpos(lower(key), ${user.email.toLowerCase()})`, '>', 0)
				.execute()
		);

		// What must be kept keeps the pseudonym instead of the address and the name, wherever they were copied.
		const columns = await listTextColumns(trx, []);
		const replaced: Record<string, number> = {};
		const swaps: [string, string][] = [[user.email, pseudonym.email]];
		if (user.email.toLowerCase() !== user.email) swaps.push([user.email.toLowerCase(), pseudonym.email]);
		// A very short name would match unrelated text (a syllable, an initial); it is only removed from the user row.
		if (user.name.trim().length >= MIN_SWEPT_NAME_LENGTH) swaps.push([user.name.trim(), pseudonym.name]);
		for (const [from, to] of swaps) {
			for (const [table, rows] of Object.entries(await replaceEverywhere(trx, columns, from, to)))
				replaced[table] = (replaced[table] ?? 0) + rows;
		}

		const now = new Date();
		await trx
			.updateTable('users')
			.set({
				email: pseudonym.email,
				name: pseudonym.name,
				title: '',
				expertise: '',
				directory_listed: false,
				// Not a hash: no password ever matches it.
				password_hash: 'account-deleted',
				totp_key: null,
				totp_last_step: null,
				totp_enabled_at: null,
				email_verified_at: null,
				is_operator: false,
				disabled_at: now,
				deleted_at: now,
				updated_at: now
			})
			.where('id', '=', userId)
			.execute();
		await recordAudit(trx, {
			actorId: userId,
			action: 'user.deleted',
			entityType: 'user',
			entityId: userId,
			data: { removed, replaced },
			ip
		});
		return { pseudonym, removed, replaced };
	});
}
