// Resource photos managed by the resource's facility managers (or the operator): each change locks
// the resource, checks the right, and is audited in the same transaction.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db';
import { recordAudit } from '../audit/repository';
import { NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { requireFacilityManager } from './access';
import type { Context } from './announce';
import { PhotoLimitError } from './photo-errors';
import { processPhoto } from './photo-image';
import { movePhotoInOrder } from './photo-order';
import * as photoRepository from './photo-repository';
import * as resourceRepository from './resource-repository';

export const MAX_PHOTOS_PER_RESOURCE = 12;

export type PhotoAlt = { altKo: string; altEn: string };

async function lockManagedResource(trx: Transaction<DB>, actor: Actor, resourceId: string) {
	const resource = await resourceRepository.lockResource(trx, resourceId);
	if (!resource) throw new NotFoundError();
	await requireFacilityManager(trx, actor, resource.facility_id);
	return resource;
}

const audit = (
	trx: Transaction<DB>,
	actor: Actor,
	context: Context,
	action: string,
	resourceId: string,
	data: Record<string, unknown>
) =>
	recordAudit(trx, {
		actorId: actor.id,
		action: `resource.photo_${action}`,
		entityType: 'resource',
		entityId: resourceId,
		data,
		ip: context.ip
	});

/** Checks the right before decoding, so an outsider cannot make the server decode images for them. */
export async function addPhoto(
	db: Kysely<DB>,
	actor: Actor,
	resourceId: string,
	input: PhotoAlt & { bytes: Uint8Array },
	context: Context
) {
	const resource = await resourceRepository.findResourceFacility(db, resourceId);
	if (!resource) throw new NotFoundError();
	await requireFacilityManager(db, actor, resource.facility_id);
	const photo = await processPhoto(input.bytes);
	return db.transaction().execute(async (trx) => {
		await lockManagedResource(trx, actor, resourceId);
		const count = await photoRepository.countPhotos(trx, resourceId);
		if (count >= MAX_PHOTOS_PER_RESOURCE) throw new PhotoLimitError(MAX_PHOTOS_PER_RESOURCE);
		const created = await photoRepository.insertPhoto(trx, {
			resourceId,
			position: count,
			altKo: input.altKo,
			altEn: input.altEn,
			bytes: photo.bytes,
			thumb: photo.thumb,
			width: photo.width,
			height: photo.height,
			createdBy: actor.id
		});
		await audit(trx, actor, context, 'added', resourceId, {
			photoId: created.id,
			bytes: photo.bytes.byteLength,
			width: photo.width,
			height: photo.height
		});
		return created;
	});
}

export const updatePhotoAlt = (
	db: Kysely<DB>,
	actor: Actor,
	resourceId: string,
	photoId: string,
	alt: PhotoAlt,
	context: Context
) =>
	db.transaction().execute(async (trx) => {
		await lockManagedResource(trx, actor, resourceId);
		if (!(await photoRepository.updateAlt(trx, resourceId, photoId, alt))) throw new NotFoundError();
		await audit(trx, actor, context, 'alt_updated', resourceId, { photoId, altKo: alt.altKo, altEn: alt.altEn });
	});

export const movePhoto = (
	db: Kysely<DB>,
	actor: Actor,
	resourceId: string,
	photoId: string,
	direction: 'up' | 'down',
	context: Context
) =>
	db.transaction().execute(async (trx) => {
		await lockManagedResource(trx, actor, resourceId);
		const ids = (await photoRepository.listPhotos(trx, resourceId)).map((p) => p.id);
		if (!ids.includes(photoId)) throw new NotFoundError();
		await renumber(trx, resourceId, ids, movePhotoInOrder(ids, photoId, direction));
		await audit(trx, actor, context, 'moved', resourceId, { photoId, direction });
	});

export const removePhoto = (db: Kysely<DB>, actor: Actor, resourceId: string, photoId: string, context: Context) =>
	db.transaction().execute(async (trx) => {
		await lockManagedResource(trx, actor, resourceId);
		const removed = await photoRepository.deletePhoto(trx, resourceId, photoId);
		if (!removed) throw new NotFoundError();
		const rest = (await photoRepository.listPhotos(trx, resourceId)).map((p) => p.id);
		// Close the gap, so the next upload goes last and positions stay 0..n-1.
		await renumber(trx, resourceId, [], rest);
		await audit(trx, actor, context, 'removed', resourceId, { photoId, altKo: removed.alt_ko, altEn: removed.alt_en });
	});

/** Writes positions 0..n-1 where they differ from `before` (the unique order is checked at commit). */
async function renumber(trx: Transaction<DB>, resourceId: string, before: string[], after: string[]) {
	for (const [position, id] of after.entries()) {
		if (before[position] !== id) await photoRepository.setPosition(trx, resourceId, id, position);
	}
}
