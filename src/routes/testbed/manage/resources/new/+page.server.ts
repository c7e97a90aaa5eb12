import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { listManagedFacilityIds } from '$lib/server/testbed/access';
import { NotFacilityManagerError } from '$lib/server/testbed/errors';
import { createResource } from '$lib/server/testbed/resource-admin';
import { listAllCredentials } from '$lib/server/testbed/resource-repository';
import { newResourceForm } from '$lib/server/testbed/resource-schemas';
import { listFacilities } from '$lib/server/testbed/reports-repository';

// Sensible defaults a manager changes rather than types from nothing.
const DEFAULTS = {
	kind: 'equipment',
	slot_minutes: '30',
	min_minutes: '60',
	max_minutes: '240',
	min_notice_minutes: '120',
	max_horizon_days: '60',
	cancel_cutoff_minutes: '120',
	checkin_before_minutes: '15',
	checkin_after_minutes: '30',
	member_rate_krw: '0',
	nonmember_rate_krw: '0',
	active: 'on'
};

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const facilities = await listFacilities(db, await listManagedFacilityIds(db, user));
	if (!facilities.length) throwLoadError(new NotFacilityManagerError());
	return { facilities, credentials: await listAllCredentials(db), defaults: DEFAULTS };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, newResourceForm);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const { facility, ...input } = form.data;
		let created;
		try {
			created = await createResource(getDb(), user, facility, input, requestContext(event));
		} catch (error) {
			return failFromError(error, { values: form.values, errors: {} as Record<string, string> });
		}
		redirect(303, `/testbed/manage/resources/${created.id}?saved=1`);
	}
} satisfies Actions;
