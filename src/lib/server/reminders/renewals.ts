// Credential renewals: 60, 30 and 7 days before a credential expires, its holder hears once at each
// threshold (the shortest one the expiry has entered), with the next open cohort that grants it. Each
// is recorded in reminders_sent (kind 'credential_renewal', entity = credential, version = the expiry
// in minutes, so a renewed credential is reminded afresh) in the transaction that notifies.
import type { Kysely } from 'kysely';
import type { DB } from '../db';
import type { Executor } from '../db';
import type { Locale } from '../db/types';
import { notifyUser } from '../app/notifications';
import { findNextCohortGranting } from '../courses/catalogue';
import { dateTimeFormat } from '$lib/intl-cache';
import { DEFAULT_TIME_ZONE } from '$lib/time-zone';
import * as reminderRepository from './repository';

export const RENEWAL_DAYS = [60, 30, 7] as const;
const DAY_MS = 86_400_000;
export const RENEWAL_KIND = 'credential_renewal';

/** The threshold (in days) due now: the shortest one the expiry has entered, or null. */
export function dueRenewalDays(expiresAt: Date, now: Date): number | null {
	const daysLeft = (expiresAt.getTime() - now.getTime()) / DAY_MS;
	if (daysLeft <= 0) return null;
	const open = RENEWAL_DAYS.filter((days) => daysLeft <= days);
	return open.length ? Math.min(...open) : null;
}

export const expiryVersion = (expiresAt: Date) => Math.floor(expiresAt.getTime() / 60_000);

function dateText(at: Date, timeZone: string, locale: Locale): string {
	return (
		dateTimeFormat(locale === 'en' ? 'en-GB' : 'ko-KR', { timeZone, dateStyle: 'long' }).format(at) + ` (${timeZone})`
	);
}

function expiringCredentials(db: Executor, now: Date) {
	return db
		.selectFrom('user_credentials')
		.innerJoin('credentials', 'credentials.id', 'user_credentials.credential_id')
		.innerJoin('users', 'users.id', 'user_credentials.user_id')
		.select([
			'user_credentials.user_id',
			'user_credentials.credential_id',
			'user_credentials.expires_at',
			'credentials.name_ko',
			'credentials.name_en',
			'users.time_zone'
		])
		.where('user_credentials.expires_at', '>', now)
		.where('user_credentials.expires_at', '<=', new Date(now.getTime() + Math.max(...RENEWAL_DAYS) * DAY_MS))
		.execute();
}

export type SentRenewal = { userId: string; credentialId: string; days: number; link: string | null };

/** Sends every renewal reminder due at `now`; safe to run twice, concurrently, or after a crash. */
export async function sendDueRenewals(db: Kysely<DB>, now: Date, origin: string): Promise<SentRenewal[]> {
	const sent: SentRenewal[] = [];
	for (const row of await expiringCredentials(db, now)) {
		const expiresAt = new Date(row.expires_at as Date);
		const days = dueRenewalDays(expiresAt, now);
		if (days === null) continue;
		const result = await db.transaction().execute(async (trx) => {
			// Still held with this expiry (a renewal or revocation in flight waits, or has already won).
			const current = await trx
				.selectFrom('user_credentials')
				.select('expires_at')
				.where('user_id', '=', row.user_id)
				.where('credential_id', '=', row.credential_id)
				.forShare()
				.executeTakeFirst();
			if (!current?.expires_at || expiryVersion(new Date(current.expires_at)) !== expiryVersion(expiresAt)) return null;
			const recorded = await reminderRepository.recordReminder(
				trx,
				{
					kind: RENEWAL_KIND,
					entityId: row.credential_id,
					offsetMinutes: days * 1440,
					sequence: expiryVersion(expiresAt),
					userId: row.user_id
				},
				now
			);
			if (!recorded) return null;
			const next = await findNextCohortGranting(trx, row.credential_id, now);
			const link = next ? `/courses/${next.course_slug}` : null;
			const timeZone = row.time_zone ?? DEFAULT_TIME_ZONE;
			await notifyUser(trx, {
				userId: row.user_id,
				kind: next ? 'renewal_reminder' : 'renewal_reminder_no_course',
				params: {
					title: row.name_ko,
					title_en: row.name_en,
					days: String(days),
					when: dateText(expiresAt, timeZone, 'ko'),
					when_en: dateText(expiresAt, timeZone, 'en'),
					course: next?.title_ko ?? '',
					course_en: next?.title_en ?? ''
				},
				link: link ?? '/settings/credentials',
				origin
			});
			return { userId: row.user_id, credentialId: row.credential_id, days, link };
		});
		if (result) sent.push(result);
	}
	return sent;
}
