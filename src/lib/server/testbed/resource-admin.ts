// Resource management by facility managers (or the operator): every change checks who is asking and
// is written to the audit log in the same transaction.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db';
import { isUniqueViolation } from '../db/errors';
import { recordAudit } from '../audit/repository';
import { NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { SlugTakenError } from '../orgs/errors';
import { requireFacilityManager } from './access';
import type { Context } from './announce';
import { findCredential } from './credentials';
import * as resourceRepository from './resource-repository';
import { notifyBlackoutOverlap } from './availability-alerts-blackout';
import { queueSlotOffers } from './slot-holds-jobs';
import type { ResourceInput } from './resource-schemas';

type Audit = { action: string; resourceId: string; data: Record<string, unknown> };

async function inTransaction<T>(db: Kysely<DB>, run: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
	try {
		return await db.transaction().execute(run);
	} catch (error) {
		if (isUniqueViolation(error, 'resources_slug_key')) throw new SlugTakenError();
		throw error;
	}
}

const audit = (trx: Transaction<DB>, actor: Actor, context: Context, a: Audit) =>
	recordAudit(trx, {
		actorId: actor.id,
		action: `resource.${a.action}`,
		entityType: 'resource',
		entityId: a.resourceId,
		data: a.data,
		ip: context.ip
	});

async function requireCredentialExists(trx: Transaction<DB>, id: string | null) {
	if (id && !(await findCredential(trx, id))) throw new NotFoundError();
}

/** Locks the resource and checks that the actor manages its facility. */
async function lockManagedResource(trx: Transaction<DB>, actor: Actor, resourceId: string) {
	const resource = await resourceRepository.lockResource(trx, resourceId);
	if (!resource) throw new NotFoundError();
	await requireFacilityManager(trx, actor, resource.facility_id);
	return resource;
}

export const createResource = (
	db: Kysely<DB>,
	actor: Actor,
	facilityId: string,
	input: ResourceInput,
	context: Context
) =>
	inTransaction(db, async (trx) => {
		await requireFacilityManager(trx, actor, facilityId);
		await requireCredentialExists(trx, input.required_credential_id);
		const created = await resourceRepository.insertResource(trx, facilityId, input);
		await audit(trx, actor, context, { action: 'created', resourceId: created.id, data: { facilityId, ...input } });
		return created;
	});

// numeric columns come back as strings ("20.00"): compare them as numbers.
const comparable = (v: unknown) =>
	v === null || v === undefined
		? ''
		: typeof v === 'string' && v !== '' && !Number.isNaN(Number(v))
			? String(Number(v))
			: String(v);

/** Records only what changed, as [before, after]. */
export const updateResource = (
	db: Kysely<DB>,
	actor: Actor,
	resourceId: string,
	input: ResourceInput,
	context: Context
) =>
	inTransaction(db, async (trx) => {
		await lockManagedResource(trx, actor, resourceId);
		await requireCredentialExists(trx, input.required_credential_id);
		const before = await trx.selectFrom('resources').selectAll().where('id', '=', resourceId).executeTakeFirstOrThrow();
		const changes = Object.fromEntries(
			Object.entries(input)
				.filter(([key, value]) => comparable(before[key as keyof typeof before]) !== comparable(value))
				.map(([key, value]) => [key, [before[key as keyof typeof before], value]])
		);
		const updated = await resourceRepository.updateResource(trx, resourceId, input);
		await audit(trx, actor, context, { action: 'updated', resourceId, data: { changes } });
		return updated;
	});

export const setResourceHours = (
	db: Kysely<DB>,
	actor: Actor,
	resourceId: string,
	hours: { weekday: number; opens: string; closes: string }[],
	context: Context
) =>
	inTransaction(db, async (trx) => {
		await lockManagedResource(trx, actor, resourceId);
		await resourceRepository.replaceHours(trx, resourceId, hours);
		await queueSlotOffers(trx, resourceId);
		await audit(trx, actor, context, { action: 'hours_set', resourceId, data: { hours } });
	});

/** Existing bookings in the period stay: the result says how many, so the manager can reach them. */
export const addBlackout = (
	db: Kysely<DB>,
	actor: Actor,
	resourceId: string,
	blackout: { start: Date; end: Date; reason_ko: string; reason_en: string },
	context: Context
) =>
	inTransaction(db, async (trx) => {
		await lockManagedResource(trx, actor, resourceId);
		const { id } = await resourceRepository.insertBlackout(trx, resourceId, blackout);
		const overlappingBookings = await resourceRepository.countActiveBookingsIn(
			trx,
			resourceId,
			blackout.start,
			blackout.end
		);
		await audit(trx, actor, context, {
			action: 'blackout_added',
			resourceId,
			data: {
				blackoutId: id,
				start: blackout.start.toISOString(),
				end: blackout.end.toISOString(),
				reasonKo: blackout.reason_ko,
				reasonEn: blackout.reason_en,
				overlappingBookings
			}
		});
		await notifyBlackoutOverlap(trx, resourceId, blackout, context);
		return { id, overlappingBookings };
	});

export const removeBlackout = (
	db: Kysely<DB>,
	actor: Actor,
	resourceId: string,
	blackoutId: string,
	context: Context
) =>
	inTransaction(db, async (trx) => {
		await lockManagedResource(trx, actor, resourceId);
		const removed = await resourceRepository.deleteBlackout(trx, resourceId, blackoutId);
		if (!removed) throw new NotFoundError();
		await queueSlotOffers(trx, resourceId);
		await audit(trx, actor, context, {
			action: 'blackout_removed',
			resourceId,
			data: {
				blackoutId,
				start: removed.starts_at.toISOString(),
				end: removed.ends_at.toISOString(),
				reasonKo: removed.reason_ko,
				reasonEn: removed.reason_en
			}
		});
	});
