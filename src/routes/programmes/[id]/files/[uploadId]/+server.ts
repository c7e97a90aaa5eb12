// An application's PDF answer, for the applicant, the call's managers and unconflicted reviewers.
import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { throwLoadError } from '$lib/server/app/errors';
import * as m from '$lib/paraglide/messages';
import { downloadApplicationFile } from '$lib/server/programmes/files';
import { idParam } from '$lib/server/programmes/schemas';

export const GET: RequestHandler = async ({ params, locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const callId = idParam.safeParse(params.id);
	const uploadId = idParam.safeParse(params.uploadId);
	if (!callId.success || !uploadId.success) error(404, m.error_not_found());
	try {
		return await downloadApplicationFile(getDb(), locals.user, callId.data, uploadId.data);
	} catch (err) {
		throwLoadError(err);
	}
};
