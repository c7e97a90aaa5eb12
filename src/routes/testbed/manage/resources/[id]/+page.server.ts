import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import type { Actor } from '$lib/server/orgs/access';
import { requireFacilityManager } from '$lib/server/testbed/access';
import * as admin from '$lib/server/testbed/resource-admin';
import { listAllCredentials, listCurrentBlackouts } from '$lib/server/testbed/resource-repository';
import { blackoutForm, blackoutIdForm, hoursForm, resourceForm } from '$lib/server/testbed/resource-schemas';
import { findResourceById, listHours } from '$lib/server/testbed/repository';
import { idParam } from '$lib/server/testbed/schemas';
import { parseClock, zonedInstant } from '$lib/server/common/zoned-time';

const asText = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const clock = (t: string) => (t.startsWith('24:') ? '00:00' : t.slice(0, 5));

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const id = idParam.safeParse(event.params.id);
	const resource = id.success ? await findResourceById(db, id.data) : undefined;
	if (!resource) throwLoadError(new NotFoundError());
	await requireFacilityManager(db, user, resource.facility_id).catch(throwLoadError);
	const [hours, blackouts, credentials] = await Promise.all([
		listHours(db, [resource.id]),
		listCurrentBlackouts(db, resource.id, new Date()),
		listAllCredentials(db)
	]);
	const values: Record<string, string> = Object.fromEntries(Object.entries(resource).map(([k, v]) => [k, asText(v)]));
	values.auto_confirm = resource.auto_confirm ? 'on' : '';
	values.active = resource.active ? 'on' : '';
	for (const h of hours)
		Object.assign(values, { [`opens_${h.weekday}`]: clock(h.opens), [`closes_${h.weekday}`]: clock(h.closes) });
	return {
		resource: {
			id: resource.id,
			slug: resource.slug,
			name_ko: resource.name_ko,
			name_en: resource.name_en,
			time_zone: resource.time_zone,
			facility_name_ko: resource.facility_name_ko,
			facility_name_en: resource.facility_name_en
		},
		values,
		blackouts: blackouts.map((b) => ({
			id: b.id,
			start: b.starts_at.toISOString(),
			end: b.ends_at.toISOString(),
			reason_ko: b.reason_ko,
			reason_en: b.reason_en
		})),
		credentials,
		saved: event.url.searchParams.has('saved')
	};
}) satisfies PageServerLoad;

/** One action: the user, the form through its schema, the id, the service call; domain errors become fail(). */
async function act<S extends z.ZodType>(
	event: RequestEvent,
	form: string,
	schema: S,
	run: (actor: Actor, id: string, data: z.output<S>) => Promise<unknown>
) {
	const user = requireUser(event);
	const read = await readForm(event.request, schema);
	if (!read.ok) return fail(400, { form, errors: read.errors, values: read.values });
	let result: unknown;
	try {
		const id = idParam.safeParse(event.params.id);
		if (!id.success) throw new NotFoundError();
		result = await run(user, id.data, read.data);
	} catch (error) {
		return failFromError(error, { form, values: read.values, errors: {} as Record<string, string> });
	}
	return { form, done: true, result };
}

export const actions = {
	save: (event) =>
		act(event, 'resource', resourceForm, (actor, id, data) =>
			admin.updateResource(getDb(), actor, id, data, requestContext(event))
		),
	hours: (event) =>
		act(event, 'hours', hoursForm, (actor, id, data) =>
			admin.setResourceHours(getDb(), actor, id, data, requestContext(event))
		),
	addBlackout: (event) =>
		act(event, 'blackout', blackoutForm, (actor, id, data) => {
			// The form speaks the viewer's wall clock, like the booking form.
			const start = zonedInstant(data.start_date, parseClock(data.start_time), event.locals.timeZone);
			const end = zonedInstant(data.end_date, parseClock(data.end_time), event.locals.timeZone);
			return admin.addBlackout(
				getDb(),
				actor,
				id,
				{ start, end, reason_ko: data.reason_ko, reason_en: data.reason_en },
				requestContext(event)
			);
		}),
	removeBlackout: (event) =>
		act(event, 'remove', blackoutIdForm, (actor, id, data) =>
			admin.removeBlackout(getDb(), actor, id, data.blackout, requestContext(event))
		)
} satisfies Actions;
