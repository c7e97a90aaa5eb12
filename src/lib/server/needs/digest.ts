// The weekly digest of new clinical needs (issue #7): each admin of a verified company hears of up to
// five needs posted in the last 7 days that match their company (the suggested-needs ranking, under
// the visibility rule for both the admin and the company), with the "why this match" line, in their
// language. Recorded per (person, ISO week) in the transaction that notifies them: never twice a
// week; nothing when nothing is new; the e-mail carries a one-click opt-out link.
import type { Kysely } from 'kysely';
import * as m from '$lib/paraglide/messages';
import type { DB, Executor } from '../db';
import type { Locale } from '../db/types';
import { recordAudit } from '../audit/repository';
import { hashSecret } from '../auth/token';
import { newFeedSecret } from '../calendar/feed-tokens';
import { nextWeekdayUtc } from '../jobs/schedule';
import type { RecurringJob } from '../jobs/runner';
import { findPreference, savePreferences } from '../notify/repository';
import { notifyUser } from '../app/notifications';
import { matchNeedsForCompany, type NeedMatch } from './matching';

export const DIGEST_KIND = 'digest_needs_weekly';
const PER_DIGEST = 5;
const WEEK_MS = 7 * 86_400_000;

/** ISO 8601 week of an instant in Seoul, e.g. `2026-W48`. */
export function isoWeek(now: Date): string {
	const local = new Date(now.getTime() + 9 * 3_600_000);
	const day = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
	const weekday = day.getUTCDay() || 7;
	day.setUTCDate(day.getUTCDate() + 4 - weekday);
	const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
	const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
	return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const stageLabels: Record<string, (i: Record<string, never>, o: { locale: Locale }) => string> = {
	clinical_trial: m.needs_stage_clinical_trial,
	mfds_in_review: m.needs_stage_mfds_in_review,
	mfds_approved: m.needs_stage_mfds_approved,
	fda_cleared: m.needs_stage_fda_cleared,
	ce_marked: m.needs_stage_ce_marked
};

/** The "why this match" line in a given language (the page's whyLine reads the request's locale). */
export function whyLine(match: NeedMatch, locale: Locale): string {
	const parts: string[] = [];
	if (match.shared_terms.length)
		parts.push(
			m.needs_why_tags(
				{ tags: match.shared_terms.map((t) => (locale === 'en' ? t.name_en : t.name_ko)).join(', ') },
				{ locale }
			)
		);
	if (match.stage_met)
		parts.push(
			m.needs_why_stage(
				{ stage: stageLabels[match.required_stage]?.({}, { locale }) ?? match.required_stage },
				{ locale }
			)
		);
	if (match.text_score >= 0.3) parts.push(m.needs_why_text({}, { locale }));
	return parts.join(' · ');
}

function listing(matches: NeedMatch[], locale: Locale, origin: string): string {
	return matches
		.map((n) => {
			const title = locale === 'en' ? n.title_en || n.title_ko : n.title_ko || n.title_en;
			const hospital = locale === 'en' ? n.hospital_name_en : n.hospital_name_ko;
			return `• ${title} — ${hospital}\n  ${whyLine(n, locale)}\n  ${new URL(`/needs/${n.need_id}`, origin).href}`;
		})
		.join('\n\n');
}

/** Owners and admins of verified companies, with their companies. */
async function listRecipients(db: Executor) {
	const rows = await db
		.selectFrom('memberships')
		.innerJoin('organizations', 'organizations.id', 'memberships.org_id')
		.innerJoin('users', 'users.id', 'memberships.user_id')
		.select(['users.id as user_id', 'users.is_operator', 'memberships.org_id'])
		.where('organizations.kind', '=', 'company')
		.where('organizations.status', '=', 'verified')
		.where('memberships.role', 'in', ['owner', 'admin'])
		.where('users.disabled_at', 'is', null)
		.execute();
	const byUser = new Map<string, { isOperator: boolean; orgIds: string[] }>();
	for (const row of rows) {
		const entry = byUser.get(row.user_id) ?? { isOperator: row.is_operator, orgIds: [] };
		entry.orgIds.push(row.org_id);
		byUser.set(row.user_id, entry);
	}
	return byUser;
}

/** The best new matches over all the person's companies, each need once, best first. */
async function newMatchesFor(
	db: Executor,
	userId: string,
	isOperator: boolean,
	orgIds: string[],
	now: Date
): Promise<NeedMatch[]> {
	const best = new Map<string, NeedMatch>();
	for (const orgId of orgIds) {
		for (const match of await matchNeedsForCompany(db, { id: userId, isOperator }, orgId, 200)) {
			if ((best.get(match.need_id)?.score ?? -1) < match.score) best.set(match.need_id, match);
		}
	}
	if (best.size === 0) return [];
	const fresh = await db
		.selectFrom('needs')
		.select('id')
		.where('id', 'in', [...best.keys()])
		.where('created_at', '>', new Date(now.getTime() - WEEK_MS))
		.execute();
	const freshIds = new Set(fresh.map((r) => r.id));
	return [...best.values()]
		.filter((match) => freshIds.has(match.need_id))
		.sort((a, b) => b.score - a.score)
		.slice(0, PER_DIGEST);
}

export async function sendWeeklyDigests(db: Kysely<DB>, now: Date, origin: string): Promise<string[]> {
	const week = isoWeek(now);
	const sent: string[] = [];
	for (const [userId, { isOperator, orgIds }] of await listRecipients(db)) {
		const preference = await findPreference(db, userId, DIGEST_KIND);
		if (preference && !preference.in_app && !preference.email) continue;
		const matches = await newMatchesFor(db, userId, isOperator, orgIds, now);
		if (matches.length === 0) continue;
		const secret = newFeedSecret();
		const recorded = await db.transaction().execute(async (trx) => {
			const row = await trx
				.insertInto('digest_sends')
				.values({
					user_id: userId,
					iso_week: week,
					need_ids: matches.map((n) => n.need_id),
					unsubscribe_hash: hashSecret(secret),
					sent_at: now
				})
				.onConflict((oc) => oc.columns(['user_id', 'iso_week']).doNothing())
				.returning('user_id')
				.executeTakeFirst();
			if (!row) return false;
			const unsubscribe = new URL(`/settings/notifications/unsubscribe/${secret}`, origin).href;
			await notifyUser(trx, {
				userId,
				kind: DIGEST_KIND,
				params: {
					count: String(matches.length),
					needs: listing(matches, 'ko', origin),
					needs_en: listing(matches, 'en', origin),
					unsubscribe
				},
				link: '/needs',
				origin
			});
			return true;
		});
		if (recorded) sent.push(userId);
	}
	return sent;
}

/** One-click opt-out from a digest e-mail: turns the digest off for its recipient. */
export async function unsubscribeFromDigest(db: Kysely<DB>, secret: string): Promise<boolean> {
	if (!/^mcf[a-z2-7]{32}$/.test(secret)) return false;
	const row = await db
		.selectFrom('digest_sends')
		.select(['user_id', 'iso_week'])
		.where('unsubscribe_hash', '=', hashSecret(secret))
		.executeTakeFirst();
	if (!row) return false;
	await db.transaction().execute(async (trx) => {
		await savePreferences(trx, row.user_id, [{ kind: DIGEST_KIND, inApp: false, email: false }]);
		await recordAudit(trx, {
			actorId: row.user_id,
			action: 'notification_settings.digest_unsubscribed',
			entityType: 'user',
			entityId: row.user_id,
			data: { week: row.iso_week }
		});
	});
	return true;
}

export const digestJobs: RecurringJob[] = [
	{
		name: 'needs.weekly_digest',
		everySeconds: 7 * 86_400,
		// Mondays at 09:00 in Seoul (00:00 UTC).
		firstRunAt: (now) => nextWeekdayUtc(now, 1, 0),
		handler: async ({ db, now, origin, logger }) => {
			const sent = await sendWeeklyDigests(db, now, origin);
			if (sent.length) logger?.info({ digests: sent.length }, 'needs digests sent');
		}
	}
];
