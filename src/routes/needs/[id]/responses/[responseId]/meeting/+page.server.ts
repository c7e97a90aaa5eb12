import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { proposeMeetingOnResponse, responseMeetingParties } from '$lib/server/meetings/need-response';
import { idParam, localInputValue, meetingRequestFormSchema } from '$lib/server/meetings/schemas';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const id = idParam.safeParse(event.params.responseId);
	if (!id.success) throwLoadError(new NotFoundError());
	const parties = await responseMeetingParties(db, user, id.data).catch(throwLoadError);
	const recipient = await db
		.selectFrom('organizations')
		.select(['name_ko', 'name_en'])
		.where('id', '=', parties.recipientOrgId)
		.executeTakeFirstOrThrow();
	return {
		needId: event.params.id,
		responseId: id.data,
		recipient,
		min: localInputValue(new Date(), event.locals.timeZone)
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, meetingRequestFormSchema(event.locals.timeZone, new Date()));
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		let meetingId: string;
		try {
			const id = idParam.safeParse(event.params.responseId);
			if (!id.success) throw new NotFoundError();
			meetingId = (await proposeMeetingOnResponse(getDb(), user, id.data, form.data, requestContext(event))).id;
		} catch (error) {
			return failFromError(error, { values: form.values });
		}
		redirect(303, `/meetings/${meetingId}`);
	}
} satisfies Actions;
