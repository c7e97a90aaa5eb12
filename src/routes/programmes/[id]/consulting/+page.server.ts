import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { localInputValue, meetingRequestFormSchema } from '$lib/server/meetings/schemas';
import { addConsultant, readConsulting, removeConsultant, requestConsulting } from '$lib/server/consulting/service';
import {
	addConsultantByEmailSchema,
	consultantIdSchema,
	consultingPartiesSchema
} from '$lib/server/consulting/schemas';
import { idParam } from '$lib/server/programmes/schemas';

function callId(event: { params: { id: string } }): string {
	const id = idParam.safeParse(event.params.id);
	if (!id.success) error(404, m.error_not_found());
	return id.data;
}

const session = (s: {
	id: string;
	status: string;
	company_ko: string;
	company_en: string;
	consultant: string;
	starts_at: Date | null;
	ends_at: Date | null;
}) => ({
	id: s.id,
	status: s.status,
	company: { ko: s.company_ko, en: s.company_en },
	consultant: s.consultant,
	startsAt: s.starts_at?.toISOString() ?? null,
	endsAt: s.ends_at?.toISOString() ?? null
});

export const load = (async (event) => {
	const user = requireUser(event);
	const view = await readConsulting(getDb(), user, callId(event)).catch(throwLoadError);
	return {
		call: {
			id: view.call.id,
			title_ko: view.call.title_ko,
			title_en: view.call.title_en,
			endsAt: view.call.programme_ends_at.toISOString()
		},
		isManager: view.isManager,
		isConsultant: view.isConsultant,
		selectedOrgs: view.selectedOrgs,
		consultants: view.consultants,
		orgPeople: view.orgPeople.map((p) => ({ id: p.id, name: p.name })),
		allSessions: view.allSessions.map(session),
		ownSessions: view.ownSessions.map(session),
		assigned: view.assigned.map(session),
		min: localInputValue(new Date(), event.locals.timeZone)
	};
}) satisfies PageServerLoad;

async function withCall<T>(event: RequestEvent, work: (callId: string) => Promise<T>) {
	try {
		return { ok: true as const, value: await work(callId(event)) };
	} catch (err) {
		return { ok: false as const, failure: failFromError(err) };
	}
}

export const actions = {
	request: async (event) => {
		const user = requireUser(event);
		const form = await readForm(
			event.request,
			consultingPartiesSchema.and(meetingRequestFormSchema(event.locals.timeZone, new Date()))
		);
		if (!form.ok) return fail(400, { form: 'request', errors: form.errors, values: form.values });
		let meetingId: string;
		try {
			const { organisationId, consultantId, ...input } = form.data;
			meetingId = (
				await requestConsulting(
					getDb(),
					user,
					callId(event),
					{ organisationId, consultantId },
					input,
					requestContext(event)
				)
			).id;
		} catch (err) {
			return failFromError(err, { form: 'request', values: form.values });
		}
		redirect(303, `/meetings/${meetingId}`);
	},
	add: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, addConsultantByEmailSchema);
		if (!form.ok) return fail(400, { form: 'add', errors: form.errors, values: form.values });
		const result = await withCall(event, (id) => addConsultant(getDb(), user, id, form.data, requestContext(event)));
		return result.ok ? { added: result.value.name } : result.failure;
	},
	addPerson: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, consultantIdSchema);
		if (!form.ok) return fail(400, { form: 'addPerson', errors: form.errors, values: form.values });
		const result = await withCall(event, (id) => addConsultant(getDb(), user, id, form.data, requestContext(event)));
		return result.ok ? { added: result.value.name } : result.failure;
	},
	remove: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, consultantIdSchema);
		if (!form.ok) return fail(400, { form: 'remove', errors: form.errors, values: form.values });
		const result = await withCall(event, (id) =>
			removeConsultant(getDb(), user, id, form.data.userId, requestContext(event))
		);
		return result.ok ? { removed: true } : result.failure;
	}
} satisfies Actions;
