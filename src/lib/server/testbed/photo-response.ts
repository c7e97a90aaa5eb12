// Serves a resource photo. Ids are random UUIDs (not guessable); a photo of an active resource is
// as public as the resource page, one of an inactive resource only for its facility's managers, and
// anybody else gets the same 404 as for an id that never existed.
import type { Executor } from '../db';
import { NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { isFacilityManager } from './access';
import { findPhotoBytes } from './photo-repository';
import { idParam } from './schemas';

export async function photoResponse(
	db: Executor,
	actor: Actor | null,
	photoId: string,
	size: 'full' | 'thumb'
): Promise<Response> {
	if (!idParam.safeParse(photoId).success) throw new NotFoundError();
	const photo = await findPhotoBytes(db, photoId, size);
	if (!photo) throw new NotFoundError();
	if (!photo.active && !(actor && (await isFacilityManager(db, actor, photo.facility_id)))) throw new NotFoundError();
	return new Response(new Uint8Array(photo.bytes), {
		headers: {
			'content-type': photo.content_type,
			'content-length': String(photo.bytes.byteLength),
			// Bytes under an id never change; a hidden resource's photos are not kept anywhere.
			'cache-control': photo.active ? 'private, max-age=86400' : 'private, no-store',
			'x-content-type-options': 'nosniff',
			// Even opened directly, the image can run nothing.
			'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
			'cross-origin-resource-policy': 'same-origin'
		}
	});
}
