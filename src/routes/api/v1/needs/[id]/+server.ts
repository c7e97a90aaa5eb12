import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { authenticated } from '$lib/server/app/api';
import { NotFoundError } from '$lib/server/errors';
import { findVisibleNeed } from '$lib/server/needs/repository';
import { idParam } from '$lib/server/needs/schemas';
import { needJson } from '$lib/server/needs/api-shapes';
import { listNeedAttachments } from '$lib/server/needs/attachment-files';

export const GET: RequestHandler = authenticated(async ({ params }, user) => {
	const id = idParam.safeParse(params.id);
	const need = id.success ? await findVisibleNeed(getDb(), user, id.data) : undefined;
	if (!need) throw new NotFoundError();
	return json(needJson(need, await listNeedAttachments(getDb(), need.id)));
});
