import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { loadThread, markThreadReadBy, postThreadMessage } from '$lib/server/needs/responses';
import { idParam, messageSchema } from '$lib/server/needs/schemas';
import { listForContext } from '$lib/server/meetings/repository';
import { listResponseAttachments, readAttachments } from '$lib/server/needs/attachment-files';
import { addResponseAttachments, removeResponseAttachment } from '$lib/server/needs/attachments';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const id = idParam.safeParse(event.params.responseId);
	if (!id.success) throwLoadError(new NotFoundError());
	const thread = await loadThread(db, user, id.data).catch(throwLoadError);
	// The URL's need must be the response's own need.
	if (thread.need.id !== event.params.id) throwLoadError(new NotFoundError());
	const org = await db
		.selectFrom('organizations')
		.select(['name_ko', 'name_en'])
		.where('id', '=', thread.response.org_id)
		.executeTakeFirstOrThrow();
	return {
		need: { id: thread.need.id, title_ko: thread.need.title_ko, title_en: thread.need.title_en },
		response: {
			id: thread.response.id,
			status: thread.response.status,
			message: thread.response.message,
			org_name_ko: org.name_ko,
			org_name_en: org.name_en
		},
		side: thread.side,
		// The responding company changes its files until the hospital accepts or declines.
		canEditFiles:
			thread.side === 'company' && (thread.response.status === 'submitted' || thread.response.status === 'shortlisted'),
		attachments: (await listResponseAttachments(db, [thread.response.id])).get(thread.response.id) ?? [],
		meetings: (await listForContext(db, user.id, 'need_response', thread.response.id)).map((r) => ({
			id: r.id,
			status: r.status,
			createdAt: r.created_at.toISOString()
		})),
		userId: user.id,
		unread: thread.unread,
		messages: thread.messages.map((m) => ({
			id: m.id,
			responseId: m.response_id,
			authorId: m.author_id,
			authorName: m.author_name,
			body: m.body,
			createdAt: m.created_at.toISOString()
		}))
	};
}) satisfies PageServerLoad;

const detachSchema = z.object({ uploadId: z.uuid() });

export const actions = {
	attach: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, z.object({}));
		if (!form.ok) return fail(400, { action: 'attach', errors: form.errors });
		try {
			const id = idParam.safeParse(event.params.responseId);
			if (!id.success) throw new NotFoundError();
			await addResponseAttachments(
				getDb(),
				user,
				event.params.id,
				id.data,
				readAttachments(form.form),
				requestContext(event)
			);
		} catch (error) {
			return failFromError(error, { action: 'attach' });
		}
		return { filesDone: true };
	},
	detach: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, detachSchema);
		if (!form.ok) return fail(400, { action: 'detach', errors: form.errors });
		try {
			const id = idParam.safeParse(event.params.responseId);
			if (!id.success) throw new NotFoundError();
			await removeResponseAttachment(
				getDb(),
				user,
				event.params.id,
				id.data,
				form.data.uploadId,
				requestContext(event)
			);
		} catch (error) {
			return failFromError(error, { action: 'detach' });
		}
		return { filesDone: true };
	},
	message: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, messageSchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		try {
			const id = idParam.safeParse(event.params.responseId);
			if (!id.success) throw new NotFoundError();
			await postThreadMessage(getDb(), user, id.data, form.data.body);
		} catch (error) {
			return failFromError(error, { values: form.values });
		}
		return { done: true };
	},
	/** The reader says they have seen the thread; the page load itself never writes. */
	markRead: async (event) => {
		const user = requireUser(event);
		try {
			const id = idParam.safeParse(event.params.responseId);
			if (!id.success) throw new NotFoundError();
			await markThreadReadBy(getDb(), user, id.data);
		} catch (error) {
			return failFromError(error);
		}
		return { markedRead: true };
	}
} satisfies Actions;
