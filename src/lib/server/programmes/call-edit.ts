// Editing a posted call (issue 15): the managers of the running agency change what the call's phase
// allows (call-edit-rules.ts); only changed columns are written, the change is audited, and when the
// deadline moves later while the call is open, the applicants' admins are told.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db';
import type { Criterion, ProgrammeCallRow, Question } from '../db/programmes-types';
import { recordAudit } from '../audit/repository';
import { NotFoundError } from '../errors';
import { notifyUser } from '../app/notifications';
import type { Actor } from '../orgs/access';
import { localParts } from '$lib/server/common/zoned-time';
import { listManagedAgencies, requireCallManager } from './access';
import { changedFields, findRefusedChange, isDeadlineExtension, type CallTerms } from './call-edit-rules';
import { resolveReviewers, splitEmails, termsOfForm, type Context } from './calls';
import { CallEditRefusedError, NotCallManagerError } from './errors';
import * as programmeRepository from './repository';
import { SEOUL, type CallFormInput } from './schemas';

export function termsOfCall(call: ProgrammeCallRow): CallTerms {
	return {
		programme_key: call.programme_key,
		org_id: call.org_id,
		title_ko: call.title_ko,
		title_en: call.title_en,
		description_ko: call.description_ko,
		description_en: call.description_en,
		field_term_id: call.field_term_id,
		region: call.region,
		// bigint columns may arrive as strings
		budget_krw: Number(call.budget_krw),
		places: call.places,
		voucher_amount_krw: Number(call.voucher_amount_krw),
		opens_at: new Date(call.opens_at),
		closes_at: new Date(call.closes_at),
		programme_ends_at: new Date(call.programme_ends_at),
		eligibility: call.eligibility,
		questions: call.questions,
		rubric: call.rubric
	};
}

const JSON_COLUMNS = new Set(['eligibility', 'questions', 'rubric']);

export async function editCall(
	db: Kysely<DB>,
	actor: Actor,
	callId: string,
	input: CallFormInput,
	form: { questions: Question[]; rubric: Criterion[] },
	context: Context
) {
	return db.transaction().execute(async (trx) => {
		// One edit at a time, and not in the middle of a selection or a submission.
		const call = await programmeRepository.lockCall(trx, callId);
		if (!call) throw new NotFoundError();
		await requireCallManager(trx, actor, call);
		if (input.orgId !== call.org_id && !(await listManagedAgencies(trx, actor)).some((a) => a.id === input.orgId))
			throw new NotCallManagerError();
		// The database's clock, like the deadline check of a submission.
		const now = (await sql<{ now: Date }>`select now() as now`.execute(trx)).rows[0].now;
		const before = termsOfCall(call);
		const after = termsOfForm(input, form);
		const refusal = findRefusedChange(before, after, now);
		if (refusal) throw new CallEditRefusedError(refusal);

		const changed = changedFields(before, after);
		if (changed.length) {
			const values = Object.fromEntries(
				changed.map((key) => [key, JSON_COLUMNS.has(key) ? JSON.stringify(after[key]) : after[key]])
			);
			await trx
				.updateTable('programme_calls')
				.set({ ...values, updated_at: new Date() })
				.where('id', '=', callId)
				.execute();
		}
		const reviewers = await replaceReviewers(
			trx,
			callId,
			await resolveReviewers(trx, splitEmails(input.reviewer_emails))
		);
		const extended = isDeadlineExtension(before, after, now);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'programme_call.updated',
			entityType: 'programme_call',
			entityId: callId,
			data: {
				changed,
				reviewersAdded: reviewers.added,
				reviewersRemoved: reviewers.removed,
				...(extended ? { closesAt: [before.closes_at.toISOString(), after.closes_at.toISOString()] } : {})
			},
			ip: context.ip
		});
		const notified = extended ? await notifyDeadlineExtended(trx, call, after.closes_at, context) : 0;
		return { changed, reviewers, extended, notified };
	});
}

async function replaceReviewers(trx: Transaction<DB>, callId: string, wanted: { id: string }[]) {
	const current = (await programmeRepository.listReviewers(trx, callId)).map((r) => r.id);
	const wantedIds = wanted.map((r) => r.id);
	const added = wantedIds.filter((id) => !current.includes(id));
	const removed = current.filter((id) => !wantedIds.includes(id));
	if (removed.length)
		await trx
			.deleteFrom('programme_call_reviewers')
			.where('call_id', '=', callId)
			.where('user_id', 'in', removed)
			.execute();
	if (added.length)
		await trx
			.insertInto('programme_call_reviewers')
			.values(added.map((user_id) => ({ call_id: callId, user_id })))
			.execute();
	return { added, removed };
}

/** Seoul wall-clock time, as the call page shows it. */
function seoulClock(instant: Date): string {
	const p = localParts(instant, SEOUL);
	return `${p.date} ${String(Math.floor(p.minutes / 60)).padStart(2, '0')}:${String(p.minutes % 60).padStart(2, '0')}`;
}

/** Owners and admins of every organisation with a draft or a submitted application, once each. */
async function notifyDeadlineExtended(
	trx: Transaction<DB>,
	call: ProgrammeCallRow,
	closesAt: Date,
	context: Context
): Promise<number> {
	const recipients = await trx
		.selectFrom('programme_applications as a')
		.innerJoin('memberships as m', 'm.org_id', 'a.organisation_id')
		.select('m.user_id')
		.distinct()
		.where('a.call_id', '=', call.id)
		.where('a.status', 'in', ['draft', 'submitted'])
		.where('m.role', 'in', ['owner', 'admin'])
		.execute();
	const params = { title: call.title_ko, title_en: call.title_en, closes: seoulClock(closesAt) };
	for (const { user_id } of recipients)
		await notifyUser(trx, {
			userId: user_id,
			kind: 'programmes_deadline_extended',
			params,
			link: `/programmes/${call.id}`,
			origin: context.origin
		});
	return recipients.length;
}
