// Posting a call: the running agency, budget, places, times, eligibility, form, rubric and reviewers.
import type { Kysely } from 'kysely';
import type { DB, Executor } from '../db';
import type { Criterion, Eligibility, Question } from '../db/programmes-types';
import { recordAudit } from '../audit/repository';
import { DomainError } from '../errors';
import type { Actor } from '../orgs/access';
import { listManagedAgencies } from './access';
import { NotCallManagerError } from './errors';
import * as programmeRepository from './repository';
import type { CallFormInput } from './schemas';
import type { Context } from '$lib/server/common/context';
import type { CallTerms } from './call-edit-rules';

export type { Context };

/** Reviewer e-mails as typed (comma, space or newline separated), each one an existing account. */
export function splitEmails(value: string): string[] {
	return [
		...new Set(
			value
				.split(/[\s,;]+/)
				.map((e) => e.trim().toLowerCase())
				.filter(Boolean)
		)
	];
}

/** The eligibility rules as the call form states them. */
export function eligibilityFromForm(input: CallFormInput): Eligibility {
	return {
		orgKinds: input.org_kinds,
		verifiedOnly: input.verified_only,
		regions: input.regions
			.split(',')
			.map((r) => r.trim())
			.filter(Boolean),
		minMfdsStage: input.min_mfds_stage,
		minEmployees: input.min_employees,
		maxEmployees: input.max_employees,
		notSelectedInProgramme: input.not_selected_in_programme
	};
}

/** The accounts behind the typed reviewer e-mails; an unknown one is named in the refusal. */
export async function resolveReviewers(db: Executor, emails: string[]) {
	const reviewers = emails.length
		? await db
				.selectFrom('users')
				.select(['id', 'email'])
				.where('email', 'in', emails)
				.where('disabled_at', 'is', null)
				.execute()
		: [];
	const missing = emails.find((e) => !reviewers.some((r) => r.email.toLowerCase() === e));
	if (missing) throw new DomainError('validation_failed', 400, { field: 'reviewer_emails', email: missing });
	return reviewers;
}

/** The terms a call form states, in the shape of the call's columns (JSON columns still as values). */
export function termsOfForm(input: CallFormInput, form: { questions: Question[]; rubric: Criterion[] }): CallTerms {
	return {
		programme_key: input.programme_key,
		org_id: input.orgId,
		title_ko: input.title_ko,
		title_en: input.title_en,
		description_ko: input.description_ko,
		description_en: input.description_en,
		field_term_id: input.field_term_id ?? null,
		region: input.region,
		budget_krw: input.budget_krw,
		places: input.places,
		voucher_amount_krw: input.voucher_amount_krw,
		opens_at: input.opens_at,
		closes_at: input.closes_at,
		programme_ends_at: input.programme_ends_at,
		eligibility: eligibilityFromForm(input),
		questions: form.questions,
		rubric: form.rubric
	};
}

export async function createCall(
	db: Kysely<DB>,
	actor: Actor,
	input: CallFormInput,
	form: { questions: Question[]; rubric: Criterion[] },
	context: Context
) {
	const agencies = await listManagedAgencies(db, actor);
	if (!agencies.some((a) => a.id === input.orgId)) throw new NotCallManagerError();
	const emails = splitEmails(input.reviewer_emails);
	return db.transaction().execute(async (trx) => {
		const reviewers = await resolveReviewers(trx, emails);
		const terms = termsOfForm(input, form);
		const call = await programmeRepository.insertCall(trx, {
			...terms,
			eligibility: JSON.stringify(terms.eligibility),
			questions: JSON.stringify(terms.questions),
			rubric: JSON.stringify(terms.rubric),
			created_by: actor.id
		});
		if (reviewers.length)
			await trx
				.insertInto('programme_call_reviewers')
				.values(reviewers.map((r) => ({ call_id: call.id, user_id: r.id })))
				.execute();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'programme_call.created',
			entityType: 'programme_call',
			entityId: call.id,
			data: { orgId: input.orgId, places: input.places, reviewers: reviewers.length },
			ip: context.ip
		});
		return call;
	});
}
