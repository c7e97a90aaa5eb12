// Public logo bytes. Ids are random UUIDs and a stored logo never changes (a new logo gets a new id),
// so browsers may keep it for a year; attachments are never served here.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { findLogo } from '$lib/server/directory/profile-repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const GET = (async ({ params }) => {
	if (!UUID.test(params.id)) error(404, m.error_not_found());
	const logo = await findLogo(getDb(), params.id);
	if (!logo) error(404, m.error_not_found());
	return new Response(new Uint8Array(logo.bytes), {
		headers: {
			'content-type': logo.content_type,
			'content-length': String(logo.bytes.byteLength),
			'cache-control': 'public, max-age=31536000, immutable',
			'x-content-type-options': 'nosniff',
			// Even opened directly, the image can run nothing.
			'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox"
		}
	});
}) satisfies RequestHandler;
