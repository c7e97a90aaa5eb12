// A testing-service request: both sides read it; each form action is one step of the service, which
// checks the actor's part and the status again under a row lock.
import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { decideQuote, getRequest, sendQuote } from '$lib/server/testservices/service';
import { advance, deliverReport, postMessage } from '$lib/server/testservices/progress';
import {
	cancelBody,
	decisionBody,
	idParam,
	messageBody,
	progressBody,
	quoteBody
} from '$lib/server/testservices/schemas';
import { DomainError } from '$lib/server/errors';
import { addRequestAttachments, ATTACHABLE_STATUSES } from '$lib/server/testservices/attachments';
import {
	attachmentUrl,
	MAX_REQUEST_ATTACHMENTS,
	readRequestAttachments
} from '$lib/server/testservices/attachment-files';
import { cancelOption, cancelRequest } from '$lib/server/testservices/cancel';

const LINE_ROWS = 3;

export const load = (async (event) => {
	const user = requireUser(event);
	const id = idParam.safeParse(event.params.id);
	if (!id.success) error(404);
	try {
		const view = await getRequest(getDb(), user, id.data);
		return {
			...view,
			lineRows: LINE_ROWS,
			attachmentUrls: view.attachments.map((a) => attachmentUrl(view.request.id, a.id)),
			canAttach:
				view.role.orgMember &&
				ATTACHABLE_STATUSES.includes(view.request.status) &&
				view.attachments.length < MAX_REQUEST_ATTACHMENTS,
			cancelOption: cancelOption(user, view.role, view.request)
		};
	} catch (e) {
		throwLoadError(e);
	}
}) satisfies PageServerLoad;

/** Reads the form, runs one step, and answers a translated message on failure (never a 500). */
async function step(event: Parameters<Actions[string]>[0], run: (form: FormData, id: string) => Promise<unknown>) {
	const id = idParam.safeParse(event.params.id);
	if (!id.success) error(404);
	const form = await event.request.formData().catch(() => new FormData());
	try {
		await run(form, id.data);
	} catch (e) {
		return failFromError(e);
	}
	return { done: true };
}

const invalid = () => new DomainError('validation_failed', 400);

export const actions = {
	quote: async (event) =>
		step(event, async (form, id) => {
			const lines = Array.from({ length: LINE_ROWS }, (_, i) => ({
				label: form.get(`label${i}`),
				quantity: form.get(`quantity${i}`),
				unitPriceKrw: form.get(`price${i}`)
			})).filter((l) => typeof l.label === 'string' && l.label.trim() !== '');
			const body = quoteBody.safeParse({ lines, turnaroundDays: form.get('turnaroundDays') });
			if (!body.success) throw invalid();
			await sendQuote(getDb(), requireUser(event), id, body.data, requestContext(event));
		}),
	decide: async (event) =>
		step(event, async (form, id) => {
			const body = decisionBody.safeParse({ decision: form.get('decision') });
			if (!body.success) throw invalid();
			await decideQuote(getDb(), requireUser(event), id, body.data.decision, requestContext(event));
		}),
	advance: async (event) =>
		step(event, async (form, id) => {
			const body = progressBody.safeParse({ step: form.get('step') });
			if (!body.success) throw invalid();
			await advance(getDb(), requireUser(event), id, body.data.step, requestContext(event));
		}),
	deliver: async (event) =>
		step(event, async (form, id) => {
			const file = form.get('report');
			if (!(file instanceof File) || file.size === 0) throw invalid();
			await deliverReport(getDb(), requireUser(event), id, file, requestContext(event));
		}),
	message: async (event) =>
		step(event, async (form, id) => {
			const body = messageBody.safeParse({ body: form.get('body') });
			if (!body.success) throw invalid();
			await postMessage(getDb(), requireUser(event), id, body.data.body, requestContext(event));
		}),
	attach: async (event) =>
		step(event, async (form, id) => {
			const files = readRequestAttachments(form);
			await addRequestAttachments(getDb(), requireUser(event), id, files, requestContext(event));
		}),
	cancel: async (event) =>
		step(event, async (form, id) => {
			const body = cancelBody.safeParse({ reason: form.get('reason') ?? '' });
			if (!body.success) throw invalid();
			await cancelRequest(getDb(), requireUser(event), id, body.data.reason, requestContext(event));
		})
} satisfies Actions;
