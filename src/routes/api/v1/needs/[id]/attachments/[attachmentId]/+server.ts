// A need's PDF attachment through the API (cookie or Bearer token), for those who may see the need.
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { authenticated } from '$lib/server/app/api';
import { NotFoundError } from '$lib/server/errors';
import { downloadNeedAttachment } from '$lib/server/needs/attachments';
import { idParam } from '$lib/server/needs/schemas';

export const GET: RequestHandler = authenticated(async ({ params }, user) => {
	const needId = idParam.safeParse(params.id);
	const uploadId = idParam.safeParse(params.attachmentId);
	if (!needId.success || !uploadId.success) throw new NotFoundError();
	return downloadNeedAttachment(getDb(), user, needId.data, uploadId.data);
});
