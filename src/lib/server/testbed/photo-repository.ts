// Queries of resource photos: metadata lists (never the bytes), bytes by id, and the order.
import type { Executor } from '../db';

const META = ['id', 'resource_id', 'position', 'alt_ko', 'alt_en', 'width', 'height'] as const;

export function listPhotos(db: Executor, resourceId: string) {
	return db
		.selectFrom('resource_photos')
		.select(META)
		.where('resource_id', '=', resourceId)
		.orderBy('position')
		.execute();
}

/** The first photo of each resource, for the list's thumbnails. */
export async function listCoverPhotos(db: Executor, resourceIds: string[]) {
	if (!resourceIds.length) return [];
	return db
		.selectFrom('resource_photos')
		.distinctOn('resource_id')
		.select(META)
		.where('resource_id', 'in', resourceIds)
		.orderBy('resource_id')
		.orderBy('position')
		.execute();
}

export function countPhotos(db: Executor, resourceId: string) {
	return db
		.selectFrom('resource_photos')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('resource_id', '=', resourceId)
		.executeTakeFirstOrThrow()
		.then((r) => Number(r.n));
}

export function insertPhoto(
	db: Executor,
	photo: {
		resourceId: string;
		position: number;
		altKo: string;
		altEn: string;
		bytes: Uint8Array;
		thumb: Uint8Array;
		width: number;
		height: number;
		createdBy: string;
	}
) {
	return db
		.insertInto('resource_photos')
		.values({
			resource_id: photo.resourceId,
			position: photo.position,
			alt_ko: photo.altKo,
			alt_en: photo.altEn,
			content_type: 'image/webp',
			bytes: photo.bytes,
			thumb_bytes: photo.thumb,
			width: photo.width,
			height: photo.height,
			created_by: photo.createdBy
		})
		.returning(['id', 'position'])
		.executeTakeFirstOrThrow();
}

export function updateAlt(db: Executor, resourceId: string, photoId: string, alt: { altKo: string; altEn: string }) {
	return db
		.updateTable('resource_photos')
		.set({ alt_ko: alt.altKo, alt_en: alt.altEn })
		.where('id', '=', photoId)
		.where('resource_id', '=', resourceId)
		.returning('id')
		.executeTakeFirst();
}

export function setPosition(db: Executor, resourceId: string, photoId: string, position: number) {
	return db
		.updateTable('resource_photos')
		.set({ position })
		.where('id', '=', photoId)
		.where('resource_id', '=', resourceId)
		.execute();
}

export function deletePhoto(db: Executor, resourceId: string, photoId: string) {
	return db
		.deleteFrom('resource_photos')
		.where('id', '=', photoId)
		.where('resource_id', '=', resourceId)
		.returning(['id', 'alt_ko', 'alt_en'])
		.executeTakeFirst();
}

/** The bytes to serve, with what decides who may see them (the resource's state and facility). */
export function findPhotoBytes(db: Executor, photoId: string, size: 'full' | 'thumb') {
	return db
		.selectFrom('resource_photos')
		.innerJoin('resources', 'resources.id', 'resource_photos.resource_id')
		.select([
			'resource_photos.content_type',
			size === 'thumb' ? 'resource_photos.thumb_bytes as bytes' : 'resource_photos.bytes as bytes',
			'resources.active',
			'resources.facility_id'
		])
		.where('resource_photos.id', '=', photoId)
		.executeTakeFirst();
}
