import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { listTerms } from '$lib/server/directory/taxonomy-repository';
import { canEditNeed, updateNeed } from '$lib/server/needs/edit';
import { NotHospitalSideError } from '$lib/server/needs/errors';
import { idParam, newNeedSchema } from '$lib/server/needs/schemas';
import { requireVisibleNeed } from '$lib/server/needs/service';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const id = idParam.safeParse(event.params.id);
	if (!id.success) throwLoadError(new NotFoundError());
	const need = await requireVisibleNeed(db, user, id.data).catch(throwLoadError);
	if (!(await canEditNeed(db, user, need))) throwLoadError(new NotHospitalSideError());
	const [terms, organizations, chosen, invited] = await Promise.all([
		listTerms(db),
		db
			.selectFrom('organizations')
			.select(['id', 'name_ko', 'name_en'])
			.where('status', '=', 'verified')
			.where('kind', '<>', 'hospital')
			.orderBy('name_en')
			.execute(),
		db.selectFrom('need_terms').select('term_id').where('need_id', '=', need.id).execute(),
		db.selectFrom('need_invitations').select('org_id').where('need_id', '=', need.id).execute()
	]);
	const flag = (on: boolean) => (on ? 'on' : '');
	return {
		need: { id: need.id, status: need.status, title_ko: need.title_ko, title_en: need.title_en },
		terms,
		organizations,
		selectedTerms: chosen.map((t) => t.term_id),
		invitedIds: invited.map((i) => i.org_id),
		values: {
			locale: need.locale,
			title_ko: need.title_ko,
			title_en: need.title_en,
			description_ko: need.description_ko,
			description_en: need.description_en,
			type: need.type,
			department: need.department_term_id ?? '',
			required_stage: need.required_stage,
			deadline: need.deadline ?? '',
			evidence_note: need.evidence_note,
			support_budget: flag(need.support_budget),
			support_patients: flag(need.support_patients),
			support_data: flag(need.support_data),
			support_space: flag(need.support_space),
			support_note: need.support_note,
			visibility: need.visibility
		} as Record<string, string>
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, newNeedSchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const id = idParam.safeParse(event.params.id);
		try {
			if (!id.success) throw new NotFoundError();
			await updateNeed(getDb(), user, id.data, form.data, requestContext(event));
		} catch (error) {
			return failFromError(error, { values: form.values });
		}
		redirect(303, `/needs/${id.data}?updated`);
	}
} satisfies Actions;
