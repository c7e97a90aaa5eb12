import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { renderMarkdown } from '$lib/server/markdown';
import type { Actor } from '$lib/server/orgs/access';
import { listMemberCompanies, needRole } from '$lib/server/needs/access';
import { listNeedAttachments, listResponseAttachments, readAttachments } from '$lib/server/needs/attachment-files';
import { addNeedAttachments, removeNeedAttachment } from '$lib/server/needs/attachments';
import { matchCompaniesForNeed } from '$lib/server/needs/matching';
import * as needRepository from '$lib/server/needs/repository';
import { addReviewerNote, decideResponse, listVisibleResponses } from '$lib/server/needs/responses';
import { decisionFormSchema, idParam, noteSchema, respondSchema, reviewerSchema } from '$lib/server/needs/schemas';
import { closeNeed, respondToNeed, setNeedSaved, setReviewer } from '$lib/server/needs/service';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const id = idParam.safeParse(event.params.id);
	const need = id.success ? await needRepository.findVisibleNeed(db, user, id.data) : undefined;
	if (!need) throwLoadError(new NotFoundError());
	const row = (await needRepository.findNeed(db, need.id))!;
	const role = await needRole(db, user, row);
	const [terms, responses] = await Promise.all([
		needRepository.listNeedTerms(db, need.id),
		listVisibleResponses(db, user, row)
	]);
	const hospitalSide = responses.side === 'hospital';
	// Companies of the viewer that have not responded yet, with their products.
	const responded = new Set(responses.responses.map((r) => r.org_id));
	const companies = role.hospitalMember
		? []
		: (await listMemberCompanies(db, user.id)).filter((c) => !responded.has(c.id));
	const products = companies.length
		? await db
				.selectFrom('products')
				.select(['id', 'org_id', 'name_ko', 'name_en'])
				.where(
					'org_id',
					'in',
					companies.map((c) => c.id)
				)
				.orderBy('sort_order')
				.execute()
		: [];
	const staff = role.hospitalAdmin
		? await db
				.selectFrom('memberships')
				.innerJoin('users', 'users.id', 'memberships.user_id')
				.select(['users.id', 'users.name'])
				.where('memberships.org_id', '=', row.hospital_org_id)
				.orderBy('users.name')
				.execute()
		: [];
	const reviewers = role.hospitalMember
		? await db
				.selectFrom('need_reviewers')
				.innerJoin('users', 'users.id', 'need_reviewers.user_id')
				.select(['users.id', 'users.name'])
				.where('need_id', '=', need.id)
				.orderBy('users.name')
				.execute()
		: [];
	const responseFiles = await listResponseAttachments(
		db,
		responses.responses.map((r) => r.id)
	);
	return {
		need,
		attachments: await listNeedAttachments(db, need.id),
		responseAttachments: Object.fromEntries(responseFiles),
		descriptionKo: renderMarkdown(need.description_ko),
		descriptionEn: renderMarkdown(need.description_en),
		terms,
		invited: role.hospitalMember ? await needRepository.listInvitedOrganizations(db, need.id) : [],
		role,
		responses: responses.responses,
		notes: hospitalSide ? responses.notes : [],
		companies,
		products,
		staff,
		reviewers,
		matches: hospitalSide ? await matchCompaniesForNeed(db, user, need.id, 8) : [],
		canRespond: need.status === 'open' && companies.length > 0,
		created: event.url.searchParams.has('created'),
		updated: event.url.searchParams.has('updated'),
		canEdit: role.author || role.hospitalAdmin
	};
}) satisfies PageServerLoad;

async function act<S extends z.ZodType>(
	event: RequestEvent,
	schema: S,
	run: (actor: Actor, needId: string, data: z.output<S>, form: FormData) => Promise<unknown>,
	done: string
) {
	const user = requireUser(event);
	const form = await readForm(event.request, schema);
	if (!form.ok) return fail(400, { action: done, errors: form.errors, values: form.values });
	try {
		const id = idParam.safeParse(event.params.id);
		if (!id.success) throw new NotFoundError();
		await run(user, id.data, form.data, form.form);
	} catch (error) {
		return failFromError(error, { action: done, values: form.values });
	}
	return { done };
}

const noteForm = noteSchema.extend({ responseId: z.uuid() });
const saveSchema = z.object({ saved: z.enum(['1', '0']) });
const reviewerForm = reviewerSchema.extend({ assign: z.enum(['1', '0']) });

export const actions = {
	respond: (event) =>
		act(
			event,
			respondSchema,
			(actor, id, data, form) => respondToNeed(getDb(), actor, id, data, requestContext(event), readAttachments(form)),
			'responded'
		),
	attach: (event) =>
		act(
			event,
			z.object({}),
			(actor, id, _data, form) => addNeedAttachments(getDb(), actor, id, readAttachments(form), requestContext(event)),
			'attached'
		),
	detach: (event) =>
		act(
			event,
			z.object({ uploadId: z.uuid() }),
			(actor, id, data) => removeNeedAttachment(getDb(), actor, id, data.uploadId, requestContext(event)),
			'detached'
		),
	decide: (event) =>
		act(
			event,
			decisionFormSchema,
			(actor, _id, data) => decideResponse(getDb(), actor, data.responseId, data, requestContext(event)),
			'decided'
		),
	note: (event) =>
		act(
			event,
			noteForm,
			(actor, _id, data) => addReviewerNote(getDb(), actor, data.responseId, data.body, requestContext(event)),
			'noted'
		),
	reviewer: (event) =>
		act(
			event,
			reviewerForm,
			(actor, id, data) => setReviewer(getDb(), actor, id, data.userId, data.assign === '1', requestContext(event)),
			'reviewer'
		),
	save: (event) =>
		act(event, saveSchema, (actor, id, data) => setNeedSaved(getDb(), actor, id, data.saved === '1'), 'saved'),
	close: (event) =>
		act(event, z.object({}), (actor, id) => closeNeed(getDb(), actor, id, requestContext(event)), 'closed')
} satisfies Actions;
