// "Notify me" on a testbed resource: members of a verified organisation set an alert for a date
// range, see their alerts and cancel them; a new alert is checked at once against what is free now.
import type { Kysely } from 'kysely';
import type { DB } from '../db';
import { recordAudit } from '../audit/repository';
import type { Context } from '../common/context';
import { NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { resolveBookingOrganization } from './access';
import { AlertRangeError } from './slot-holds-errors';
import { offerFreedSlots } from './slot-holds';
import * as alertRepository from './availability-alerts-repository';
import * as holdRepository from './slot-holds-repository';
import * as bookingRepository from './repository';

export type NewAlertInput = { resourceId: string; start: Date; end: Date; minMinutes?: number | null; orgId?: string };

const MAX_RANGE_DAYS = 92;

export async function createAlert(
	db: Kysely<DB>,
	actor: Actor,
	input: NewAlertInput,
	context: Context,
	now = new Date()
) {
	if (
		input.end <= input.start ||
		input.end <= now ||
		input.end.getTime() - input.start.getTime() > MAX_RANGE_DAYS * 86_400_000
	)
		throw new AlertRangeError();
	return db.transaction().execute(async (trx) => {
		const resource = await bookingRepository.findResourceById(trx, input.resourceId);
		if (!resource || !resource.active) throw new NotFoundError();
		const orgId = await resolveBookingOrganization(trx, actor.id, input.orgId);
		const alert = await alertRepository.insertAlert(trx, {
			resourceId: resource.id,
			userId: actor.id,
			orgId,
			start: input.start < now ? now : input.start,
			end: input.end,
			minMinutes: input.minMinutes ?? null
		});
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'availability_alert.created',
			entityType: 'availability_alert',
			entityId: alert.id,
			data: {
				resourceId: resource.id,
				start: alert.starts_at.toISOString(),
				end: alert.ends_at.toISOString(),
				minMinutes: alert.min_minutes
			},
			ip: context.ip
		});
		// Somebody may have cancelled while the form was open: the new alert takes its turn at once.
		await offerFreedSlots(trx, resource.id, now, context);
		return alert;
	});
}

/** Only the alert's owner; anybody else is told it does not exist. Cancelling twice changes nothing. */
export async function cancelAlert(
	db: Kysely<DB>,
	actor: Actor,
	alertId: string,
	context: Context,
	now = new Date(),
	resourceId?: string
) {
	return db.transaction().execute(async (trx) => {
		const alert = await alertRepository.findAlertForUpdate(trx, alertId);
		if (!alert || alert.user_id !== actor.id || (resourceId && alert.resource_id !== resourceId))
			throw new NotFoundError();
		if (alert.status !== 'active') return alert;
		await holdRepository.lockResource(trx, alert.resource_id);
		await alertRepository.closeAlert(trx, alert.id, 'cancelled', now);
		const live = (await alertRepository.listAlertsOfUser(trx, actor.id, alert.resource_id)).find(
			(a) => a.id === alert.id
		);
		// A hold the person no longer wants goes straight back to the next in line.
		if (live?.hold_id) await holdRepository.closeHolds(trx, [live.hold_id], 'released', now);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'availability_alert.cancelled',
			entityType: 'availability_alert',
			entityId: alert.id,
			data: { resourceId: alert.resource_id },
			ip: context.ip
		});
		if (live?.hold_id) await offerFreedSlots(trx, alert.resource_id, now, context);
		return { ...alert, status: 'cancelled' as const };
	});
}

export const listMyAlerts = (db: Kysely<DB>, actor: Actor, resourceId?: string) =>
	alertRepository.listAlertsOfUser(db, actor.id, resourceId);
