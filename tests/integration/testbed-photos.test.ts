// Resource photos (issue 18): only the facility's managers change them, the bytes are checked and
// re-encoded like logos, the order holds, and the serving route hides a hidden resource's photos.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { NotFoundError } from '$lib/server/errors';
import { NotFacilityManagerError } from '$lib/server/testbed/errors';
import { PhotoLimitError, PhotoNotImageError } from '$lib/server/testbed/photo-errors';
import { listCoverPhotos, listPhotos } from '$lib/server/testbed/photo-repository';
import { photoResponse } from '$lib/server/testbed/photo-response';
import { photoUploadForm } from '$lib/server/testbed/photo-schemas';
import { MAX_PHOTOS_PER_RESOURCE, addPhoto, movePhoto, removePhoto, updatePhotoAlt } from '$lib/server/testbed/photos';
import { createUser } from '../factories';
import { createTestDatabase } from './support/database';
import { context, createFacility, createResource } from './testbed-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const png = (width = 900, height = 600) =>
	sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 160 } } })
		.png()
		.toBuffer()
		.then((b) => new Uint8Array(b));
const jpegWithExif = () =>
	sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 200, g: 30, b: 30 } } })
		.jpeg()
		.withExif({ IFD0: { Artist: 'secret-camera-owner' } })
		.toBuffer()
		.then((b) => new Uint8Array(b));
const alt = (n: number) => ({ altKo: `사진 ${n}`, altEn: `Photo ${n}` });
const text = (s: string) => new TextEncoder().encode(s);

async function managedResource() {
	const { facility, staff } = await createFacility(db);
	const resource = await createResource(db, facility.id);
	return { resource, manager: { id: staff.id, isOperator: false } };
}

describe('resource photos', () => {
	it('lets a manager add, describe, reorder and remove photos, re-encoded to WebP without metadata, each change audited', async () => {
		const { resource, manager } = await managedResource();
		const first = await addPhoto(db, manager, resource.id, { bytes: await png(), ...alt(1) }, context);
		const second = await addPhoto(db, manager, resource.id, { bytes: await jpegWithExif(), ...alt(2) }, context);
		const third = await addPhoto(db, manager, resource.id, { bytes: await png(3000, 2000), ...alt(3) }, context);
		expect((await listPhotos(db, resource.id)).map((p) => [p.id, p.position])).toEqual([
			[first.id, 0],
			[second.id, 1],
			[third.id, 2]
		]);

		const stored = await db
			.selectFrom('resource_photos')
			.selectAll()
			.where('id', '=', second.id)
			.executeTakeFirstOrThrow();
		const full = await sharp(stored.bytes).metadata();
		const thumb = await sharp(stored.thumb_bytes).metadata();
		expect([full.format, thumb.format, thumb.width, thumb.height]).toEqual(['webp', 'webp', 480, 320]);
		expect(full.exif).toBeUndefined();
		expect(Buffer.from(stored.bytes).includes('secret-camera-owner')).toBe(false);
		const big = await db
			.selectFrom('resource_photos')
			.select(['width', 'height'])
			.where('id', '=', third.id)
			.executeTakeFirstOrThrow();
		expect(big).toEqual({ width: 1600, height: 1067 });

		await movePhoto(db, manager, resource.id, third.id, 'up', context);
		await movePhoto(db, manager, resource.id, third.id, 'up', context);
		await movePhoto(db, manager, resource.id, third.id, 'up', context); // already first: nothing moves
		expect((await listPhotos(db, resource.id)).map((p) => p.id)).toEqual([third.id, first.id, second.id]);
		expect((await listCoverPhotos(db, [resource.id]))[0].id).toBe(third.id);

		await updatePhotoAlt(
			db,
			manager,
			resource.id,
			first.id,
			{ altKo: '작업대 위 시뮬레이터', altEn: 'Simulator on a bench' },
			context
		);
		await removePhoto(db, manager, resource.id, third.id, context);
		const after = await listPhotos(db, resource.id);
		expect(after.map((p) => [p.id, p.position, p.alt_en])).toEqual([
			[first.id, 0, 'Simulator on a bench'],
			[second.id, 1, 'Photo 2']
		]);
		await expect(removePhoto(db, manager, resource.id, third.id, context)).rejects.toBeInstanceOf(NotFoundError);

		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'actor_id'])
			.where('entity_type', '=', 'resource')
			.where('entity_id', '=', resource.id)
			.orderBy('id')
			.execute();
		expect(audit.map((a) => a.action)).toEqual([
			'resource.photo_added',
			'resource.photo_added',
			'resource.photo_added',
			'resource.photo_moved',
			'resource.photo_moved',
			'resource.photo_moved',
			'resource.photo_alt_updated',
			'resource.photo_removed'
		]);
		expect(audit.every((a) => a.actor_id === manager.id)).toBe(true);
	});

	it('refuses SVG, a renamed text file, and a PNG signature glued to other bytes, storing nothing', async () => {
		const { resource, manager } = await managedResource();
		const svg = text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
		const jpeg = await jpegWithExif();
		const glued = new Uint8Array([...(await png(10, 10)).subarray(0, 16), ...jpeg.subarray(3)]);
		for (const bytes of [svg, text('just text, named photo.png'), glued]) {
			await expect(addPhoto(db, manager, resource.id, { bytes, ...alt(1) }, context)).rejects.toBeInstanceOf(
				PhotoNotImageError
			);
		}
		expect(await listPhotos(db, resource.id)).toEqual([]);
	});

	it('requires alt text in both languages, in the form and in the database', async () => {
		const photo = new File([await png(10, 10)], 'p.png', { type: 'image/png' });
		const parsed = photoUploadForm.safeParse({ photo, alt_ko: '  ', alt_en: 'Bench' });
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['alt_ko']);
		const { resource, manager } = await managedResource();
		await expect(
			addPhoto(db, manager, resource.id, { bytes: await png(10, 10), altKo: ' ', altEn: 'x' }, context)
		).rejects.toMatchObject({ code: '23514' });
	});

	it("refuses every change to someone else's resource, and leaves its photos as they were", async () => {
		const { resource, manager } = await managedResource();
		const other = await managedResource();
		const photo = await addPhoto(db, manager, resource.id, { bytes: await png(), ...alt(1) }, context);
		const stranger = await createUser(db);
		for (const actor of [other.manager, { id: stranger.id, isOperator: false }]) {
			await expect(addPhoto(db, actor, resource.id, { bytes: await png(), ...alt(2) }, context)).rejects.toBeInstanceOf(
				NotFacilityManagerError
			);
			await expect(updatePhotoAlt(db, actor, resource.id, photo.id, alt(9), context)).rejects.toBeInstanceOf(
				NotFacilityManagerError
			);
			await expect(movePhoto(db, actor, resource.id, photo.id, 'down', context)).rejects.toBeInstanceOf(
				NotFacilityManagerError
			);
			await expect(removePhoto(db, actor, resource.id, photo.id, context)).rejects.toBeInstanceOf(
				NotFacilityManagerError
			);
		}
		// A photo reached through the manager's own resource id is still not theirs.
		await expect(removePhoto(db, other.manager, other.resource.id, photo.id, context)).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(
			updatePhotoAlt(db, other.manager, other.resource.id, photo.id, alt(9), context)
		).rejects.toBeInstanceOf(NotFoundError);
		expect((await listPhotos(db, resource.id)).map((p) => [p.id, p.alt_en])).toEqual([[photo.id, 'Photo 1']]);
	});

	it(`stops at ${MAX_PHOTOS_PER_RESOURCE} photos per resource`, async () => {
		const { resource, manager } = await managedResource();
		const bytes = await png(20, 20);
		for (let i = 0; i < MAX_PHOTOS_PER_RESOURCE; i++)
			await addPhoto(db, manager, resource.id, { bytes, ...alt(i) }, context);
		await expect(addPhoto(db, manager, resource.id, { bytes, ...alt(99) }, context)).rejects.toBeInstanceOf(
			PhotoLimitError
		);
		expect((await listPhotos(db, resource.id)).length).toBe(MAX_PHOTOS_PER_RESOURCE);
	});

	it("serves a photo with safe headers; a hidden resource's photo only to its managers; unknown ids 404", async () => {
		const { resource, manager } = await managedResource();
		const photo = await addPhoto(db, manager, resource.id, { bytes: await png(), ...alt(1) }, context);
		const response = await photoResponse(db, null, photo.id, 'thumb');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('image/webp');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('content-security-policy')).toContain('sandbox');
		expect((await sharp(new Uint8Array(await response.arrayBuffer())).metadata()).width).toBe(480);

		await db.updateTable('resources').set({ active: false }).where('id', '=', resource.id).execute();
		const stranger = await createUser(db);
		await expect(photoResponse(db, null, photo.id, 'full')).rejects.toBeInstanceOf(NotFoundError);
		await expect(photoResponse(db, { id: stranger.id, isOperator: false }, photo.id, 'full')).rejects.toBeInstanceOf(
			NotFoundError
		);
		const forManager = await photoResponse(db, manager, photo.id, 'full');
		expect(forManager.headers.get('cache-control')).toBe('private, no-store');
		await expect(photoResponse(db, null, '00000000-0000-4000-8000-000000000000', 'full')).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(photoResponse(db, null, 'not-a-uuid', 'full')).rejects.toBeInstanceOf(NotFoundError);
	});
});
