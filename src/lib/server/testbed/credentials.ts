// Credentials a resource may require (e.g. "3D printer safety"); the courses issue will grant them.
import type { Executor } from '../db';
import { findNextCohortGranting } from '../courses/catalogue';
import { CredentialRequiredError } from './errors';

export function findCredential(db: Executor, id: string) {
	return db.selectFrom('credentials').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function holdsCredential(db: Executor, userId: string, credentialId: string, at: Date): Promise<boolean> {
	const row = await db
		.selectFrom('user_credentials')
		.select('credential_id')
		.where('user_id', '=', userId)
		.where('credential_id', '=', credentialId)
		.where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
		.executeTakeFirst();
	return row !== undefined;
}

/** Throws unless the user holds the resource's required credential, valid at the booking's start. */
export async function requireCredential(
	db: Executor,
	userId: string,
	credentialId: string | null,
	at: Date
): Promise<void> {
	if (!credentialId || (await holdsCredential(db, userId, credentialId, at))) return;
	const credential = await findCredential(db, credentialId);
	const error = new CredentialRequiredError(credential ?? { name_ko: '', name_en: '' });
	const next = await findNextCohortGranting(db, credentialId, new Date());
	if (next) error.link = `/courses/${next.course_slug}`;
	throw error;
}

export function listUserCredentials(db: Executor, userId: string) {
	return db
		.selectFrom('user_credentials')
		.innerJoin('credentials', 'credentials.id', 'user_credentials.credential_id')
		.select([
			'credentials.id',
			'credentials.slug',
			'credentials.name_ko',
			'credentials.name_en',
			'user_credentials.expires_at',
			'user_credentials.source'
		])
		.where('user_credentials.user_id', '=', userId)
		.execute();
}

/**
 * What stands between a user and booking a resource that needs a credential they lack: the
 * credential's names and the course that grants it, so the page can say so before the form.
 */
export async function findMissingCredential(db: Executor, userId: string, credentialId: string | null, now: Date) {
	if (!credentialId || (await holdsCredential(db, userId, credentialId, now))) return null;
	const credential = await findCredential(db, credentialId);
	if (!credential) return null;
	const next = await findNextCohortGranting(db, credentialId, now);
	return {
		name_ko: credential.name_ko,
		name_en: credential.name_en,
		courseLink: next ? `/courses/${next.course_slug}` : null
	};
}
