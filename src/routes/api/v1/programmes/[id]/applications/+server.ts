import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { authenticated } from '$lib/server/app/api';
import { requestContext } from '$lib/server/http/context';
import { messageForError } from '$lib/server/app/errors';
import { NotFoundError } from '$lib/server/errors';
import { applicationJson } from '$lib/server/programmes/api-shapes';
import { submitApplication } from '$lib/server/programmes/applications';
import { NotEligibleError } from '$lib/server/programmes/errors';
import { findCall } from '$lib/server/programmes/repository';
import { applyApiSchema, idParam } from '$lib/server/programmes/schemas';
import { readJson } from '$lib/server/common/read-json';

export const POST: RequestHandler = authenticated(async (event, user) => {
	const id = idParam.safeParse(event.params.id);
	if (!id.success) throw new NotFoundError();
	const db = getDb();
	if (!(await findCall(db, id.data))) throw new NotFoundError();
	const body = applyApiSchema.safeParse(await readJson(event.request));
	if (!body.success) return invalidInput(body.error.issues);
	try {
		const application = await submitApplication(
			db,
			user,
			{ callId: id.data, organisationId: body.data.organisationId, answers: body.data.answers },
			requestContext(event)
		);
		return json(applicationJson(application), { status: 201, headers: { location: `/programmes/${id.data}` } });
	} catch (error) {
		// The broken rule by name, beside the translated message.
		if (error instanceof NotEligibleError)
			return json({ error: { code: error.code, message: messageForError(error), rule: error.rule } }, { status: 422 });
		throw error;
	}
});
