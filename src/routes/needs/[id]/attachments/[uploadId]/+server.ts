// A need's PDF attachment, for anybody who may see the need (404 for everybody else).
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { requireUser } from '$lib/server/http/context';
import { throwLoadError } from '$lib/server/app/errors';
import { downloadNeedAttachment } from '$lib/server/needs/attachments';
import { idParam } from '$lib/server/needs/schemas';

export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const needId = idParam.safeParse(event.params.id);
	const uploadId = idParam.safeParse(event.params.uploadId);
	if (!needId.success || !uploadId.success) throwLoadError(new NotFoundError());
	return downloadNeedAttachment(getDb(), user, needId.data, uploadId.data).catch(throwLoadError);
};
