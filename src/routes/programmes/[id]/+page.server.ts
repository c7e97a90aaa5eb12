import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { isFilled } from '$lib/server/uploads/service';
import { saveDraft, submitApplication, withdrawApplication } from '$lib/server/programmes/applications';
import { readCall, readViewerState } from '$lib/server/programmes/call-view';
import { findCall } from '$lib/server/programmes/repository';
import { isConsultant, listSelectedOrgsOf } from '$lib/server/consulting/repository';
import { applicationFormSchema, idParam, readAnswerFields, withdrawFormSchema } from '$lib/server/programmes/schemas';

function callId(event: { params: { id: string } }): string {
	const id = idParam.safeParse(event.params.id);
	if (!id.success) error(404, m.error_not_found());
	return id.data;
}

export const load = (async (event) => {
	const id = callId(event);
	const db = getDb();
	try {
		const view = await readCall(db, id);
		const user = event.locals.user;
		const viewer = user ? await readViewerState(db, user, id) : null;
		// Consulting is for the call's managers, its consultants and members of its selected companies.
		const consulting =
			user && viewer
				? viewer.isManager ||
					(await isConsultant(db, id, user.id)) ||
					(await listSelectedOrgsOf(db, id, user.id)).length > 0
				: false;
		return { ...view, viewer, consulting, created: event.url.searchParams.has('created') };
	} catch (err) {
		throwLoadError(err);
	}
}) satisfies PageServerLoad;

async function writeApplication(event: RequestEvent) {
	const user = requireUser(event);
	const id = callId(event);
	const db = getDb();
	const call = await findCall(db, id);
	if (!call) error(404, m.error_not_found());
	const form = await readForm(event.request, applicationFormSchema);
	if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
	const fields = readAnswerFields(form.form, call.questions, isFilled);
	if (!fields.ok) return fail(400, { message: m.error_validation_failed(), values: form.values });
	const input = { callId: id, organisationId: form.data.organisationId, answers: fields.answers, files: fields.files };
	try {
		if (form.data.intent === 'submit') await submitApplication(db, user, input, requestContext(event));
		else await saveDraft(db, user, input, requestContext(event));
	} catch (err) {
		return failFromError(err, { values: form.values });
	}
	return { saved: form.data.intent };
}

export const actions = {
	apply: writeApplication,
	withdraw: async (event) => {
		const user = requireUser(event);
		callId(event);
		const form = await readForm(event.request, withdrawFormSchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		try {
			await withdrawApplication(getDb(), user, form.data.applicationId, requestContext(event));
		} catch (err) {
			return failFromError(err);
		}
		return { withdrawn: true };
	}
} satisfies Actions;
