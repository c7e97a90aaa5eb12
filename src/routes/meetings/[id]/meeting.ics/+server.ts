import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { requireUser } from '$lib/server/http/context';
import { throwLoadError } from '$lib/server/app/errors';
import { meetingIcs } from '$lib/server/meetings/service';
import { idParam } from '$lib/server/meetings/schemas';

// Members of both organisations, once a time was chosen; e-mail links bring others to sign-in first.
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const id = idParam.safeParse(event.params.id);
	if (!id.success) throwLoadError(new NotFoundError());
	const body = await meetingIcs(getDb(), user, id.data, event.url.origin).catch(throwLoadError);
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="meeting-${id.data}.ics"`,
			'cache-control': 'private, no-store'
		}
	});
};
