// Consent rules (PIPA): the required processing and each optional purpose are recorded apart, each
// against the notice version the person read; a change of an optional choice is a new row.
import type { Kysely } from 'kysely';
import type { DB, Executor } from '../db';
import { recordAudit } from '../audit/repository';
import { isUniqueViolation } from '../db/errors';
import * as consentRepository from './consent-repository';
import type { OptionalPurpose } from './consent-repository';
import { NoticeVersionTakenError } from './errors';

export type OptionalChoices = Record<OptionalPurpose, boolean>;

/** At sign-up, inside its transaction: the required consent plus both optional answers. */
export async function recordSignUpConsents(trx: Executor, userId: string, optional: OptionalChoices) {
	const version = await consentRepository.findCurrentNoticeVersion(trx);
	await consentRepository.insertConsents(trx, userId, version, [
		{ purpose: 'required', granted: true },
		{ purpose: 'marketing_email', granted: optional.marketing_email },
		{ purpose: 'profile_listing', granted: optional.profile_listing }
	]);
	// Listing in the people directory follows the listing consent.
	await trx.updateTable('users').set({ directory_listed: optional.profile_listing }).where('id', '=', userId).execute();
	return version;
}

/** Agreement to a newer notice: the required consent again, and optional ones only where they changed. */
export async function reconsent(db: Kysely<DB>, userId: string, optional: OptionalChoices, ip: string | null) {
	await db.transaction().execute(async (trx) => {
		const version = await consentRepository.findCurrentNoticeVersion(trx);
		await consentRepository.insertConsents(trx, userId, version, [{ purpose: 'required', granted: true }]);
		await writeOptionalChanges(trx, userId, version, optional);
		await recordAudit(trx, {
			actorId: userId,
			action: 'privacy.consent_renewed',
			entityType: 'user',
			entityId: userId,
			data: { version },
			ip
		});
	});
}

/** Settings → Your data: records the optional choices that changed (nothing when none did). */
export async function updateOptionalConsents(
	db: Kysely<DB>,
	userId: string,
	optional: OptionalChoices,
	ip: string | null
) {
	return db.transaction().execute(async (trx) => {
		const version = await consentRepository.findCurrentNoticeVersion(trx);
		const changed = await writeOptionalChanges(trx, userId, version, optional);
		if (changed.length > 0) {
			await recordAudit(trx, {
				actorId: userId,
				action: 'privacy.consent_changed',
				entityType: 'user',
				entityId: userId,
				data: { version, changed },
				ip
			});
		}
		return changed;
	});
}

async function writeOptionalChanges(trx: Executor, userId: string, version: string, optional: OptionalChoices) {
	const current = await consentRepository.findCurrentConsents(trx, userId);
	const changes = consentRepository.OPTIONAL_PURPOSES.filter(
		(purpose) => current.get(purpose)?.granted !== optional[purpose]
	).map((purpose) => ({
		purpose,
		granted: optional[purpose]
	}));
	await consentRepository.insertConsents(trx, userId, version, changes);
	if (changes.some((change) => change.purpose === 'profile_listing')) {
		await trx
			.updateTable('users')
			.set({ directory_listed: optional.profile_listing, updated_at: new Date() })
			.where('id', '=', userId)
			.execute();
	}
	return changes;
}

/** The operator publishes a new notice version: every signed-in person is asked again. */
export async function publishNotice(db: Kysely<DB>, operatorId: string, version: string, ip: string | null) {
	try {
		return await db.transaction().execute(async (trx) => {
			const notice = await consentRepository.insertNotice(trx, version, operatorId);
			await recordAudit(trx, {
				actorId: operatorId,
				action: 'privacy.notice_published',
				entityType: 'privacy_notice',
				entityId: version,
				ip
			});
			return notice;
		});
	} catch (error) {
		if (isUniqueViolation(error, 'privacy_notices_pkey')) throw new NoticeVersionTakenError();
		throw error;
	}
}

/** The profile form's "list me in the directory" box is the listing consent: record it when it changes. */
export async function recordListingChoice(trx: Executor, userId: string, listed: boolean, ip: string | null) {
	const current = await consentRepository.findCurrentConsents(trx, userId);
	if (current.get('profile_listing')?.granted === listed) return;
	const version = await consentRepository.findCurrentNoticeVersion(trx);
	await consentRepository.insertConsents(trx, userId, version, [{ purpose: 'profile_listing', granted: listed }]);
	await recordAudit(trx, {
		actorId: userId,
		action: 'privacy.consent_changed',
		entityType: 'user',
		entityId: userId,
		data: { version, changed: [{ purpose: 'profile_listing', granted: listed }] },
		ip
	});
}
