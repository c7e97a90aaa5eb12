// A company's application: a draft kept as typed, submitted before the deadline by the database's
// clock, withdrawn at any time before a decision is final. One application per company per call.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db';
import type { ProgrammeApplicationRow, ProgrammeCallRow } from '../db/programmes-types';
import { recordAudit } from '../audit/repository';
import { isUniqueViolation } from '../db/errors';
import { InvalidStateError, NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { deleteUpload, storePdf } from '../uploads/service';
import { requireCompanyAdmin } from './access';
import { ANSWER_FILE_MAX_BYTES, firstAnswerProblem, keepKnownAnswers } from './answers';
import type { Context } from './calls';
import { checkEligibility } from './eligibility';
import { AlreadyAppliedError, AnswersIncompleteError, CallClosedError, NotEligibleError } from './errors';
import * as programmeRepository from './repository';
import { releasePlace } from './selection';

export type DraftInput = {
	callId: string;
	organisationId: string;
	answers: Record<string, string>;
	files?: Map<string, File>;
};

async function requireOpenCall(trx: Transaction<DB>, callId: string): Promise<ProgrammeCallRow> {
	const call = await programmeRepository.findCall(trx, callId);
	if (!call) throw new NotFoundError();
	const { open } = await sql<{ open: boolean }>`select now() >= ${call.opens_at} and now() < ${call.closes_at} as open`
		.execute(trx)
		.then((r) => r.rows[0]);
	if (!open) throw new CallClosedError();
	return call;
}

async function requireEligible(trx: Transaction<DB>, orgId: string, call: ProgrammeCallRow) {
	const broken = await checkEligibility(trx, orgId, call);
	if (broken.length) throw new NotEligibleError(broken[0]);
}

async function storeFiles(
	trx: Transaction<DB>,
	actor: Actor,
	application: ProgrammeApplicationRow,
	call: ProgrammeCallRow,
	files: Map<string, File>
) {
	for (const question of call.questions.filter((q) => q.kind === 'file')) {
		const file = files.get(question.id);
		if (!file) continue;
		const stored = await storePdf(trx, {
			ownerId: actor.id,
			orgId: application.organisation_id,
			purpose: 'attachment',
			file,
			maxBytes: ANSWER_FILE_MAX_BYTES
		});
		const previous = await trx
			.selectFrom('programme_application_files')
			.select('upload_id')
			.where('application_id', '=', application.id)
			.where('question_id', '=', question.id)
			.executeTakeFirst();
		if (previous) await deleteUpload(trx, previous.upload_id);
		await trx
			.insertInto('programme_application_files')
			.values({ application_id: application.id, question_id: question.id, upload_id: stored.id })
			.execute();
	}
}

/** Creates the draft or updates it; an application past the draft stage refuses (409). */
async function writeDraft(trx: Transaction<DB>, actor: Actor, call: ProgrammeCallRow, input: DraftInput) {
	const answers = JSON.stringify(keepKnownAnswers(call.questions, input.answers));
	const existing = await programmeRepository.findApplicationFor(trx, call.id, input.organisationId);
	if (existing && existing.status !== 'draft') throw new AlreadyAppliedError();
	const application = existing
		? await trx
				.updateTable('programme_applications')
				.set({ answers, updated_at: new Date() })
				.where('id', '=', existing.id)
				.returningAll()
				.executeTakeFirstOrThrow()
		: await trx
				.insertInto('programme_applications')
				.values({ call_id: call.id, organisation_id: input.organisationId, answers, created_by: actor.id })
				.returningAll()
				.executeTakeFirstOrThrow()
				.catch((error) => {
					throw isUniqueViolation(error) ? new AlreadyAppliedError() : error;
				});
	if (input.files?.size) await storeFiles(trx, actor, application, call, input.files);
	return application;
}

export async function saveDraft(db: Kysely<DB>, actor: Actor, input: DraftInput, context: Context) {
	await requireCompanyAdmin(db, actor, input.organisationId);
	return db.transaction().execute(async (trx) => {
		const call = await requireOpenCall(trx, input.callId);
		await requireEligible(trx, input.organisationId, call);
		const application = await writeDraft(trx, actor, call, input);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'programme_application.draft_saved',
			entityType: 'programme_application',
			entityId: application.id,
			data: { callId: call.id },
			ip: context.ip
		});
		return application;
	});
}

/** The deadline is the database's: `now()` of this transaction against the call's closing time. */
async function markSubmitted(
	trx: Transaction<DB>,
	actor: Actor,
	application: ProgrammeApplicationRow,
	call: ProgrammeCallRow,
	context: Context
) {
	const files = await programmeRepository.listApplicationFiles(trx, application.id);
	const problem = firstAnswerProblem(call.questions, application.answers, new Set(files.map((f) => f.question_id)));
	if (problem)
		throw new AnswersIncompleteError(
			problem.label_ko === problem.label_en ? problem.label_en : `${problem.label_ko} / ${problem.label_en}`
		);
	await requireEligible(trx, application.organisation_id, call);
	const submitted = await trx
		.updateTable('programme_applications')
		.set({ status: 'submitted', submitted_at: sql`now()`, updated_at: new Date() })
		.where('id', '=', application.id)
		.where('status', '=', 'draft')
		.where(({ exists, selectFrom }) =>
			exists(
				selectFrom('programme_calls as c')
					.select('c.id')
					.where('c.id', '=', call.id)
					.where(sql<boolean>`now() >= c.opens_at and now() < c.closes_at`)
			)
		)
		.returningAll()
		.executeTakeFirst();
	if (!submitted) throw new CallClosedError();
	await recordAudit(trx, {
		actorId: actor.id,
		action: 'programme_application.submitted',
		entityType: 'programme_application',
		entityId: application.id,
		data: { callId: call.id },
		ip: context.ip
	});
	return submitted;
}

/** Submits a saved draft (with the answers of this last save, when given). */
export async function submitApplication(db: Kysely<DB>, actor: Actor, input: DraftInput, context: Context) {
	await requireCompanyAdmin(db, actor, input.organisationId);
	return db.transaction().execute(async (trx) => {
		const call = await programmeRepository.findCall(trx, input.callId);
		if (!call) throw new NotFoundError();
		const existing = await programmeRepository.findApplicationFor(trx, call.id, input.organisationId);
		if (existing && existing.status !== 'draft') throw new AlreadyAppliedError();
		// A draft opened before the deadline is still refused after it: no check of the page's clock here.
		const draft = await writeDraft(trx, actor, call, input);
		const locked = await trx
			.selectFrom('programme_applications')
			.selectAll()
			.where('id', '=', draft.id)
			.forUpdate()
			.executeTakeFirstOrThrow();
		return markSubmitted(trx, actor, locked, call, context);
	});
}

/** The applicant gives up: a selected company's place goes to the head of the reserve list. */
export async function withdrawApplication(db: Kysely<DB>, actor: Actor, applicationId: string, context: Context) {
	const found = await programmeRepository.findApplication(db, applicationId);
	if (!found) throw new NotFoundError();
	await requireCompanyAdmin(db, actor, found.organisation_id).catch(() => {
		throw new NotFoundError();
	});
	return db.transaction().execute(async (trx) => {
		const call = (await programmeRepository.lockCall(trx, found.call_id))!;
		const application = await trx
			.selectFrom('programme_applications')
			.selectAll()
			.where('id', '=', applicationId)
			.forUpdate()
			.executeTakeFirstOrThrow();
		if (!['draft', 'submitted', 'selected', 'reserve'].includes(application.status)) throw new InvalidStateError();
		await trx
			.updateTable('programme_applications')
			.set({ status: 'withdrawn', reserve_position: null, updated_at: new Date() })
			.where('id', '=', application.id)
			.execute();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'programme_application.withdrawn',
			entityType: 'programme_application',
			entityId: application.id,
			data: { from: application.status },
			ip: context.ip
		});
		await releasePlace(trx, call, application.status, context);
	});
}
