// A response's PDF attachment, for the hospital side and the responding company (404 for others).
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { requireUser } from '$lib/server/http/context';
import { throwLoadError } from '$lib/server/app/errors';
import { downloadResponseAttachment } from '$lib/server/needs/attachments';
import { idParam } from '$lib/server/needs/schemas';

export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const needId = idParam.safeParse(event.params.id);
	const responseId = idParam.safeParse(event.params.responseId);
	const uploadId = idParam.safeParse(event.params.uploadId);
	if (!needId.success || !responseId.success || !uploadId.success) throwLoadError(new NotFoundError());
	return downloadResponseAttachment(getDb(), user, needId.data, responseId.data, uploadId.data).catch(throwLoadError);
};
