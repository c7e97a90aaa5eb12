// One PDF attached to a request, behind the same access rules as the report (others get 404).
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { authenticated } from '$lib/server/app/api';
import { NotFoundError } from '$lib/server/errors';
import { downloadRequestAttachment } from '$lib/server/testservices/attachments';
import { idParam, uploadIdParam } from '$lib/server/testservices/schemas';

export const GET: RequestHandler = authenticated(async ({ params }, user) => {
	const id = idParam.safeParse(params.id);
	const uploadId = uploadIdParam.safeParse(params.uploadId);
	if (!id.success || !uploadId.success) throw new NotFoundError();
	return downloadRequestAttachment(getDb(), user, id.data, uploadId.data);
});
