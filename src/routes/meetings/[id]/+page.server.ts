import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { acceptMeeting, cancelMeeting, declineMeeting, readMeeting } from '$lib/server/meetings/service';
import { acceptSchema, declineSchema, idParam } from '$lib/server/meetings/schemas';

function meetingId(event: RequestEvent): string {
	const id = idParam.safeParse(event.params.id);
	if (!id.success) throw new NotFoundError();
	return id.data;
}

export const load = (async (event) => {
	const user = requireUser(event);
	const id = idParam.safeParse(event.params.id);
	if (!id.success) throwLoadError(new NotFoundError());
	const meeting = await readMeeting(getDb(), user, id.data).catch(throwLoadError);
	const { request } = meeting;
	return {
		meeting: {
			id: request.id,
			status: request.status,
			side: meeting.side,
			message: request.message,
			declineMessage: request.decline_message,
			chosenSlotId: request.chosen_slot_id,
			expiresAt: request.expires_at.toISOString(),
			open: request.status === 'requested' && request.expires_at > new Date(),
			requester: { ko: meeting.requesterOrg.name_ko, en: meeting.requesterOrg.name_en },
			recipient: { ko: meeting.recipientOrg.name_ko, en: meeting.recipientOrg.name_en },
			consultant: meeting.consultant,
			slots: meeting.slots.map((s) => ({
				id: s.id,
				startsAt: s.starts_at.toISOString(),
				endsAt: s.ends_at.toISOString()
			}))
		}
	};
}) satisfies PageServerLoad;

export const actions = {
	accept: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, acceptSchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		try {
			await acceptMeeting(getDb(), user, meetingId(event), form.data.slotId, requestContext(event));
		} catch (error) {
			return failFromError(error);
		}
		return { done: 'accepted' };
	},
	decline: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, declineSchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		try {
			await declineMeeting(getDb(), user, meetingId(event), form.data.message, requestContext(event));
		} catch (error) {
			return failFromError(error, { values: form.values });
		}
		return { done: 'declined' };
	},
	cancel: async (event) => {
		const user = requireUser(event);
		try {
			await cancelMeeting(getDb(), user, meetingId(event), requestContext(event));
		} catch (error) {
			return failFromError(error);
		}
		return { done: 'cancelled' };
	}
} satisfies Actions;
