import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { requireUser } from '$lib/server/http/context';
import { idParam } from '$lib/server/ir/schemas';
import { pageParam } from '$lib/server/ir/deck/schemas';
import { watermarkedPage } from '$lib/server/ir/deck/service';

// One deck page, watermarked for the asker; the deck's own access rule, 404 for everybody else.
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const id = idParam.safeParse(event.params.id);
	const page = pageParam.safeParse(event.params.page);
	if (!id.success || !page.success) error(404, m.error_not_found());
	try {
		const image = await watermarkedPage(getDb(), user, id.data, page.data);
		return new Response(new Uint8Array(image), {
			headers: {
				'content-type': 'image/jpeg',
				'cache-control': 'private, no-store',
				'x-content-type-options': 'nosniff'
			}
		});
	} catch (failure) {
		if (failure instanceof NotFoundError) error(404, m.error_not_found());
		throw failure;
	}
};
