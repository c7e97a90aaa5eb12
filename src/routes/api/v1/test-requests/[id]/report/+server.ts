// The delivered report PDF, behind the same access rules as need attachments (others get 404).
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { authenticated } from '$lib/server/app/api';
import { NotFoundError } from '$lib/server/errors';
import { reportDownload } from '$lib/server/testservices/progress';
import { idParam } from '$lib/server/testservices/schemas';

export const GET: RequestHandler = authenticated(async ({ params }, user) => {
	const id = idParam.safeParse(params.id);
	if (!id.success) throw new NotFoundError();
	return reportDownload(getDb(), user, id.data);
});
