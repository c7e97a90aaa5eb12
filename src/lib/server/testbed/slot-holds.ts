// Short exclusive holds on freed slots: offered to those waiting in the order their alerts were made,
// expired when nobody books in time (then the next in line gets the slot), honoured by createBooking.
import type { Kysely, Transaction } from 'kysely';
import type { DB, Executor } from '../db';
import { recordAudit } from '../audit/repository';
import { tryGetRuntime } from '../runtime';
import { notifyUser } from '../app/notifications';
import type { Context } from '../common/context';
import { localParts } from '../common/zoned-time';
import { getAvailability } from './availability';
import { describeWhen } from './announce';
import { SlotHeldError } from './slot-holds-errors';
import { firstFit, subtractIntervals } from './slot-holds-intervals';
import * as alertRepository from './availability-alerts-repository';
import * as holdRepository from './slot-holds-repository';
import * as bookingRepository from './repository';

/** How long a hold keeps a freed slot for one person (minutes): SLOT_HOLD_MINUTES, checked with the configuration. */
export const holdMinutes = () => tryGetRuntime()?.config.SLOT_HOLD_MINUTES ?? 30;

type Hold = Awaited<ReturnType<typeof holdRepository.insertHold>>;
type Resource = NonNullable<Awaited<ReturnType<typeof bookingRepository.findResourceById>>>;

const clock = (minutes: number) =>
	`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const wallClock = (at: Date, timeZone: string) => {
	const local = localParts(at, timeZone);
	return `${local.date} ${clock(local.minutes)}`;
};

/** The booking form of the resource, filled in with the held slot (the facility's wall clock). */
export function holdLink(resource: Resource, hold: { starts_at: Date; ends_at: Date }) {
	const local = localParts(hold.starts_at, resource.time_zone);
	const minutes = Math.round((hold.ends_at.getTime() - hold.starts_at.getTime()) / 60_000);
	return `/testbed/resources/${resource.slug}?date=${local.date}&time=${clock(local.minutes)}&minutes=${minutes}#book`;
}

async function announceHold(db: Executor, resource: Resource, hold: Hold, action: string, context: Context) {
	await recordAudit(db, {
		actorId: null,
		action: `slot_hold.${action}`,
		entityType: 'slot_hold',
		entityId: hold.id,
		data: {
			resourceId: resource.id,
			alertId: hold.alert_id,
			userId: hold.user_id,
			start: hold.starts_at.toISOString(),
			end: hold.ends_at.toISOString()
		},
		ip: context.ip
	});
	if (action !== 'offered') return;
	await notifyUser(db, {
		userId: hold.user_id,
		kind: 'avail_slot_held',
		params: {
			resource: resource.name_ko,
			resource_en: resource.name_en,
			when: describeWhen(hold.starts_at, hold.ends_at, resource.time_zone),
			until: wallClock(hold.expires_at, resource.time_zone)
		},
		link: holdLink(resource, hold),
		origin: context.origin
	});
}

/**
 * One resource, under its row lock: lapsed holds expire, then each active alert in creation order
 * without a live hold gets the first free stretch that fits it and that it has not had a turn at.
 * A second run, or a run racing this one, waits for the lock and then finds the slot held.
 */
export async function offerFreedSlots(trx: Transaction<DB>, resourceId: string, now: Date, context: Context) {
	await holdRepository.lockResource(trx, resourceId);
	const resource = await bookingRepository.findResourceById(trx, resourceId);
	if (!resource) return { expired: [], offered: [] };
	const expired = await holdRepository.closeHolds(
		trx,
		(await holdRepository.listLapsedHolds(trx, resourceId, now)).map((h) => h.id),
		'expired',
		now
	);
	for (const hold of expired) await announceHold(trx, resource, hold, 'expired', context);
	const alerts = (await alertRepository.listActiveAlerts(trx, resourceId)).filter((a) => a.ends_at > now);
	const offered: Hold[] = [];
	if (alerts.length === 0 || !resource.active) return { expired, offered };
	const from = new Date(Math.min(...alerts.map((a) => a.starts_at.getTime())));
	const to = new Date(Math.max(...alerts.map((a) => a.ends_at.getTime())));
	const [availability] = await getAvailability(trx, [resource], from, to, now);
	const holds = await holdRepository.listHoldsIn(trx, resourceId, from, to);
	const span = (h: { starts_at: Date; ends_at: Date }) => ({ start: h.starts_at, end: h.ends_at });
	const live = holds.filter((h) => h.status === 'offered');
	let free = subtractIntervals(availability.free, live.map(span));
	for (const alert of alerts) {
		if (live.some((h) => h.alert_id === alert.id)) continue;
		const hadTurn = holds.filter((h) => h.alert_id === alert.id).map(span);
		const minMinutes = Math.max(alert.min_minutes ?? 0, resource.min_minutes);
		const want = { start: alert.starts_at, end: alert.ends_at };
		const slot = firstFit(free, want, minMinutes, resource.max_minutes, hadTurn);
		if (!slot) continue;
		const expiresAt = new Date(Math.min(now.getTime() + holdMinutes() * 60_000, slot.start.getTime()));
		const hold = await holdRepository.insertHold(trx, {
			alertId: alert.id,
			resourceId,
			userId: alert.user_id,
			start: slot.start,
			end: slot.end,
			expiresAt
		});
		await announceHold(trx, resource, hold, 'offered', context);
		offered.push(hold);
		free = subtractIntervals(free, [slot]);
	}
	return { expired, offered };
}

/** Sweeps every resource somebody waits for, each in its own transaction. */
export async function offerAllFreedSlots(db: Kysely<DB>, now: Date, context: Context) {
	const result = { expired: [] as string[], offered: [] as string[] };
	for (const resourceId of await alertRepository.listResourcesWithActiveAlerts(db)) {
		const r = await db.transaction().execute((trx) => offerFreedSlots(trx, resourceId, now, context));
		result.expired.push(...r.expired.map((h) => h.id));
		result.offered.push(...r.offered.map((h) => h.id));
	}
	return result;
}

/**
 * Inside createBooking's transaction: a live hold of someone else on the time refuses the booking; the
 * holder's own hold is used up and the alert fulfilled.
 */
export async function claimHeldTime(
	trx: Transaction<DB>,
	resourceId: string,
	userId: string,
	start: Date,
	end: Date,
	now: Date
) {
	await holdRepository.lockResource(trx, resourceId);
	const live = await holdRepository.listLiveHoldsOverlapping(trx, resourceId, start, end, now);
	if (live.some((h) => h.user_id !== userId)) throw new SlotHeldError();
	for (const hold of await holdRepository.closeHolds(
		trx,
		live.map((h) => h.id),
		'booked',
		now
	))
		await alertRepository.closeAlert(trx, hold.alert_id, 'fulfilled', now);
}
