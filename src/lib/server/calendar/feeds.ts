// Private calendar feeds: a person's whole schedule, or all bookings of a facility for its managers.
// Issuing and revoking are audited; a feed read checks the token, and for a facility that its holder
// still manages it. Cancelled items stay in the feed (STATUS:CANCELLED) so calendar apps drop them.
import { sql, type Kysely } from 'kysely';
import * as m from '$lib/paraglide/messages';
import type { DB, Executor } from '../db';
import type { Locale } from '../db/types';
import { recordAudit } from '../audit/repository';
import type { Actor } from '../orgs/access';
import { isFacilityManager, requireFacilityManager } from '../testbed/access';
import { listScheduleItems } from '../schedule/service';
import { listFacilityBookingItems } from '../schedule/sources/bookings';
import type { ScheduleItem } from '../schedule/types';
import { writeCalendar, type IcsEvent } from './ics';
import * as feedTokens from './feed-tokens';
import { FeedTokenConflictError, isUniqueViolation } from './errors';
import type { Context } from '$lib/server/common/context';

export type { Context };

const DAY = 86_400_000;
export const FEED_PAST_DAYS = 30;
export const FEED_FUTURE_DAYS = 180;
const REFRESH_MINUTES = 60;
const PROD_ID = '-//MedCluster//Schedule//EN';

export const feedWindow = (now: Date) => ({
	from: new Date(now.getTime() - FEED_PAST_DAYS * DAY),
	to: new Date(now.getTime() + FEED_FUTURE_DAYS * DAY),
	includeCancelled: true
});

/**
 * Runs a change of one feed (a person's, or a person's for one facility) while holding its lock, so
 * parallel regenerations take turns: each revokes the token the previous one issued. A unique
 * violation that still gets through (it should not) is a 409, never a 500.
 */
async function inFeedTransaction<T>(
	db: Kysely<DB>,
	userId: string,
	facilityId: string | null,
	change: (trx: Executor) => Promise<T>
): Promise<T> {
	try {
		return await db.transaction().execute(async (trx) => {
			await sql`select pg_advisory_xact_lock(hashtext(${`calendar-feed:${userId}:${facilityId ?? 'personal'}`}))`.execute(
				trx
			);
			return change(trx);
		});
	} catch (error) {
		if (isUniqueViolation(error)) throw new FeedTokenConflictError();
		throw error;
	}
}

/** Issues a new token (the old one stops working) and returns its secret, shown once. */
export async function issueFeedToken(
	db: Kysely<DB>,
	actor: Actor,
	facilityId: string | null,
	context: Context,
	now = new Date()
): Promise<string> {
	if (facilityId) await requireFacilityManager(db, actor, facilityId);
	return inFeedTransaction(db, actor.id, facilityId, async (trx) => {
		const replaced = await feedTokens.revokeLiveToken(trx, actor.id, facilityId, now);
		const secret = feedTokens.newFeedSecret();
		const row = await feedTokens.insertToken(trx, actor.id, facilityId, secret);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'calendar_feed.issued',
			entityType: 'calendar_feed',
			entityId: row.id,
			data: { facilityId, replaced },
			ip: context.ip
		});
		return secret;
	});
}

export async function revokeFeedToken(
	db: Kysely<DB>,
	actor: Actor,
	facilityId: string | null,
	context: Context,
	now = new Date()
): Promise<boolean> {
	return inFeedTransaction(db, actor.id, facilityId, async (trx) => {
		const live = (await feedTokens.listLiveTokens(trx, actor.id)).find((t) => t.facility_id === facilityId);
		if (!live) return false;
		await feedTokens.revokeLiveToken(trx, actor.id, facilityId, now);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'calendar_feed.revoked',
			entityType: 'calendar_feed',
			entityId: live.id,
			data: { facilityId },
			ip: context.ip
		});
		return true;
	});
}

export function toIcsEvent(item: ScheduleItem, host: string, origin: string, locale: Locale): IcsEvent {
	const en = locale === 'en';
	return {
		uid: `${item.uid}@${host}`,
		sequence: item.sequence,
		stamp: item.updatedAt,
		start: item.startsAt,
		end: item.endsAt,
		status: item.status === 'tentative' ? 'TENTATIVE' : item.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
		summary: en ? item.title_en : item.title_ko,
		location: (en ? item.location_en : item.location_ko) || undefined,
		description: (en ? item.details_en : item.details_ko) || undefined,
		url: new URL(item.link, origin).href
	};
}

async function ownerOf(db: Executor, userId: string) {
	return db
		.selectFrom('users')
		.select(['id', 'name', 'locale', 'is_operator', 'disabled_at'])
		.where('id', '=', userId)
		.executeTakeFirst();
}

/** The calendar behind a personal token, or null for an unknown/revoked/facility token. */
export async function personalFeed(
	db: Executor,
	secret: string,
	origin: string,
	now = new Date()
): Promise<string | null> {
	const token = await feedTokens.findLiveToken(db, secret);
	if (!token || token.facility_id) return null;
	const owner = await ownerOf(db, token.user_id);
	if (!owner || owner.disabled_at) return null;
	await feedTokens.touchToken(db, token.id, now);
	const host = new URL(origin).hostname;
	const items = await listScheduleItems(db, owner.id, feedWindow(now));
	return writeCalendar({
		prodId: PROD_ID,
		name: m.schedule_feed_name({ name: owner.name }, { locale: owner.locale }),
		refreshMinutes: REFRESH_MINUTES,
		events: items.map((item) => toIcsEvent(item, host, origin, owner.locale))
	});
}

/** All bookings of the token's facility, while its holder still manages it; else null. */
export async function facilityFeed(
	db: Executor,
	secret: string,
	origin: string,
	now = new Date()
): Promise<string | null> {
	const token = await feedTokens.findLiveToken(db, secret);
	if (!token || !token.facility_id) return null;
	const owner = await ownerOf(db, token.user_id);
	if (!owner || owner.disabled_at) return null;
	if (!(await isFacilityManager(db, { id: owner.id, isOperator: owner.is_operator }, token.facility_id))) return null;
	const facility = await db
		.selectFrom('facilities')
		.select(['name_ko', 'name_en'])
		.where('id', '=', token.facility_id)
		.executeTakeFirstOrThrow();
	await feedTokens.touchToken(db, token.id, now);
	const host = new URL(origin).hostname;
	const items = await listFacilityBookingItems(db, token.facility_id, feedWindow(now));
	return writeCalendar({
		prodId: PROD_ID,
		name: m.schedule_feed_facility_name(
			{ facility: owner.locale === 'en' ? facility.name_en : facility.name_ko },
			{ locale: owner.locale }
		),
		refreshMinutes: REFRESH_MINUTES,
		events: items.map((item) => toIcsEvent(item, host, origin, owner.locale))
	});
}
