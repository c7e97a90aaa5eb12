import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import type { Actor } from '$lib/server/orgs/access';
import { requireFacilityManager } from '$lib/server/testbed/access';
import { PhotoTooLargeError } from '$lib/server/testbed/photo-errors';
import { PHOTO_MAX_BYTES } from '$lib/server/testbed/photo-image';
import { listPhotos } from '$lib/server/testbed/photo-repository';
import { photoAltForm, photoMoveForm, photoRemoveForm, photoUploadForm } from '$lib/server/testbed/photo-schemas';
import * as photos from '$lib/server/testbed/photos';
import { findResourceById } from '$lib/server/testbed/repository';
import { idParam } from '$lib/server/testbed/schemas';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const id = idParam.safeParse(event.params.id);
	const resource = id.success ? await findResourceById(db, id.data) : undefined;
	if (!resource) throwLoadError(new NotFoundError());
	await requireFacilityManager(db, user, resource.facility_id).catch(throwLoadError);
	return {
		resource: { id: resource.id, slug: resource.slug, name_ko: resource.name_ko, name_en: resource.name_en },
		photos: await listPhotos(db, resource.id),
		maxPhotos: photos.MAX_PHOTOS_PER_RESOURCE,
		maxMb: PHOTO_MAX_BYTES / (1024 * 1024)
	};
}) satisfies PageServerLoad;

// Multipart overhead on top of the file itself.
const MAX_BODY = PHOTO_MAX_BYTES + 64 * 1024;

/** One action: the user, the right (before reading a body), the form through its schema, the service call. */
async function act<S extends z.ZodType>(
	event: RequestEvent,
	form: string,
	schema: S,
	run: (actor: Actor, resourceId: string, data: z.output<S>) => Promise<unknown>
) {
	const user = requireUser(event);
	const db = getDb();
	// What was typed comes back with a refusal, so alt text is not lost to a rejected file.
	let values: Record<string, string> = {};
	try {
		const id = idParam.safeParse(event.params.id);
		const resource = id.success ? await findResourceById(db, id.data) : undefined;
		if (!resource) throw new NotFoundError();
		// An outsider gets 403 whatever they send, and a too-large body is refused unread.
		await requireFacilityManager(db, user, resource.facility_id);
		if (Number(event.request.headers.get('content-length') ?? 0) > MAX_BODY)
			throw new PhotoTooLargeError(PHOTO_MAX_BYTES);
		const read = await readForm(event.request, schema);
		values = read.values;
		if (!read.ok) return fail(400, { form, errors: read.errors, values });
		await run(user, resource.id, read.data);
		return { form, done: true };
	} catch (error) {
		return failFromError(error, { form, errors: {} as Record<string, string>, values });
	}
}

export const actions = {
	upload: (event) =>
		act(event, 'upload', photoUploadForm, async (actor, id, data) =>
			photos.addPhoto(
				getDb(),
				actor,
				id,
				{ bytes: new Uint8Array(await data.photo.arrayBuffer()), altKo: data.alt_ko, altEn: data.alt_en },
				requestContext(event)
			)
		),
	alt: (event) =>
		act(event, 'alt', photoAltForm, (actor, id, data) =>
			photos.updatePhotoAlt(
				getDb(),
				actor,
				id,
				data.photo,
				{ altKo: data.alt_ko, altEn: data.alt_en },
				requestContext(event)
			)
		),
	move: (event) =>
		act(event, 'move', photoMoveForm, (actor, id, data) =>
			photos.movePhoto(getDb(), actor, id, data.photo, data.direction, requestContext(event))
		),
	remove: (event) =>
		act(event, 'remove', photoRemoveForm, (actor, id, data) =>
			photos.removePhoto(getDb(), actor, id, data.photo, requestContext(event))
		)
} satisfies Actions;
