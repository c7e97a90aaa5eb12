import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { z } from 'zod';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { localInputValue, meetingRequestFormSchema } from '$lib/server/meetings/schemas';
import { irMeetingParties, listOrgRequests, requestIrMeeting } from '$lib/server/ir/meeting';
import { idParam } from '$lib/server/ir/schemas';

function eventId(raw: string): string {
	const id = idParam.safeParse(raw);
	if (!id.success) throw new NotFoundError();
	return id.data;
}

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	try {
		const parties = await irMeetingParties(
			db,
			user,
			eventId(event.params.id),
			event.url.searchParams.get('org') ?? undefined
		);
		const startup = await db
			.selectFrom('organizations')
			.select(['name_ko', 'name_en'])
			.where('id', '=', parties.recipientOrgId)
			.executeTakeFirstOrThrow();
		return {
			event: { id: parties.event.id, title_ko: parties.event.title_ko, title_en: parties.event.title_en },
			startup,
			requesterOrg: parties.requesterOrg,
			investorOrgs: parties.investorOrgs,
			requests: await listOrgRequests(db, parties.event.id, parties.requesterOrg.id),
			min: localInputValue(new Date(), event.locals.timeZone)
		};
	} catch (error) {
		throwLoadError(error);
	}
}) satisfies PageServerLoad;

const orgField = z.object({ requester_org_id: z.uuid().optional() });

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, meetingRequestFormSchema(event.locals.timeZone, new Date()));
		const org = orgField.safeParse({ requester_org_id: form.form.get('requester_org_id') ?? undefined });
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		if (!org.success) return fail(400, { message: m.error_validation_failed(), values: form.values });
		let meetingId: string;
		try {
			meetingId = (
				await requestIrMeeting(
					getDb(),
					user,
					eventId(event.params.id),
					org.data.requester_org_id,
					form.data,
					requestContext(event)
				)
			).id;
		} catch (error) {
			return failFromError(error, { values: form.values });
		}
		redirect(303, `/meetings/${meetingId}`);
	}
} satisfies Actions;
