// Queries of privacy notice versions and consent rows (append-only: the newest row per purpose wins).
import { sql } from 'kysely';
import type { Executor } from '../db';
import type { ConsentPurpose } from '../db/privacy-types';

export const OPTIONAL_PURPOSES = ['marketing_email', 'profile_listing'] as const satisfies ConsentPurpose[];
export type OptionalPurpose = (typeof OPTIONAL_PURPOSES)[number];

/** The notice in force: the one published last. */
export async function findCurrentNoticeVersion(db: Executor): Promise<string> {
	const row = await db
		.selectFrom('privacy_notices')
		.select('version')
		.orderBy('id', 'desc')
		.limit(1)
		.executeTakeFirstOrThrow();
	return row.version;
}

export function listNotices(db: Executor) {
	return db.selectFrom('privacy_notices').select(['version', 'published_at']).orderBy('id', 'desc').execute();
}

export function insertNotice(db: Executor, version: string, publishedBy: string) {
	return db
		.insertInto('privacy_notices')
		.values({ version, published_by: publishedBy, published_at: new Date() })
		.returningAll()
		.executeTakeFirstOrThrow();
}

export async function insertConsents(
	db: Executor,
	userId: string,
	noticeVersion: string,
	choices: { purpose: ConsentPurpose; granted: boolean }[]
) {
	if (choices.length === 0) return;
	await db
		.insertInto('privacy_consents')
		.values(
			choices.map((choice) => ({
				user_id: userId,
				purpose: choice.purpose,
				granted: choice.granted,
				notice_version: noticeVersion
			}))
		)
		.execute();
}

/** The person's current choice per purpose (purposes never answered are absent). */
export async function findCurrentConsents(db: Executor, userId: string) {
	const rows = await db
		.selectFrom('privacy_consents')
		.select(['purpose', 'granted', 'notice_version', 'created_at'])
		.distinctOn('purpose')
		.where('user_id', '=', userId)
		.orderBy('purpose')
		.orderBy('id', 'desc')
		.execute();
	return new Map(rows.map((row) => [row.purpose, row]));
}

export function listConsentHistory(db: Executor, userId: string) {
	return db
		.selectFrom('privacy_consents')
		.select(['purpose', 'granted', 'notice_version', 'created_at'])
		.where('user_id', '=', userId)
		.orderBy('id')
		.execute();
}

/** True when the person agreed to the required processing under the notice in force. */
export async function hasCurrentRequiredConsent(db: Executor, userId: string): Promise<boolean> {
	const row = await db
		.selectFrom('privacy_consents')
		.select(sql<number>`1`.as('one'))
		.where('user_id', '=', userId)
		.where('purpose', '=', 'required')
		.where('notice_version', '=', (eb) =>
			eb.selectFrom('privacy_notices').select('version').orderBy('id', 'desc').limit(1)
		)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}
