// Review: conflicts are declared before anything is seen, a conflicted reviewer gets 404 for the
// application and its files, and scores stay blind until the reviewer submits their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { NotFoundError } from '$lib/server/errors';
import { submitApplication } from '$lib/server/programmes/applications';
import { declareConflicts, listForDeclaration } from '$lib/server/programmes/conflicts';
import { ConflictsUndeclaredError, ReviewIncompleteError } from '$lib/server/programmes/errors';
import { downloadApplicationFile } from '$lib/server/programmes/files';
import { rankApplications } from '$lib/server/programmes/ranking';
import { readForReviewer, saveReview } from '$lib/server/programmes/reviews';
import { createTestDatabase } from './support/database';
import { addMember, createOrganization, createUser } from '../factories';
import {
	actorOf,
	answers,
	closeCall,
	context,
	createAgency,
	createApplicant,
	createCall,
	refusal
} from './programmes-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const PDF = () =>
	new File([new TextEncoder().encode('%PDF-1.4\n% plan\n%%EOF\n')], 'plan.pdf', { type: 'application/pdf' });

async function scenario() {
	const agency = await createAgency(db);
	const investor = await createOrganization(db, { kind: 'investor' });
	const [fair, invested, declaring] = await Promise.all([createUser(db), createUser(db), createUser(db)]);
	await addMember(db, investor.id, invested.id, 'member');
	const questions = [
		{ id: 'q0', kind: 'short_text' as const, label_ko: '과제명', label_en: 'Project', required: true },
		{ id: 'q1', kind: 'file' as const, label_ko: '사업계획서', label_en: 'Plan', required: true }
	];
	const call = await createCall(db, agency.org.id, { questions, reviewers: [fair.id, invested.id, declaring.id] });
	const alpha = await createApplicant(db);
	const beta = await createApplicant(db);
	await db
		.insertInto('organization_relations')
		.values({ org_id: investor.id, related_org_id: alpha.org.id, kind: 'invested_in' })
		.execute();
	const alphaApp = await submitApplication(
		db,
		actorOf(alpha.owner),
		{ callId: call.id, organisationId: alpha.org.id, answers, files: new Map([['q1', PDF()]]) },
		context
	);
	const betaApp = await submitApplication(
		db,
		actorOf(beta.owner),
		{ callId: call.id, organisationId: beta.org.id, answers, files: new Map([['q1', PDF()]]) },
		context
	);
	await closeCall(db, call.id);
	const alphaFile = await db
		.selectFrom('programme_application_files')
		.select('upload_id')
		.where('application_id', '=', alphaApp.id)
		.executeTakeFirstOrThrow();
	return { agency, call, fair, invested, declaring, alphaApp, betaApp, alphaFile, beta };
}

describe('programme review', () => {
	it('hides an application from a conflicted reviewer, flagged or declared, as if it did not exist', async () => {
		const { call, fair, invested, declaring, alphaApp, betaApp, alphaFile } = await scenario();
		// Before declaring, nothing can be read.
		expect(await refusal(readForReviewer(db, actorOf(fair), alphaApp.id))).toBeInstanceOf(ConflictsUndeclaredError);

		const forInvestor = await listForDeclaration(db, actorOf(invested), call.id);
		expect(forInvestor.rows.find((r) => r.id === alphaApp.id)?.automatic).toBe('invested_in');
		expect(forInvestor.rows.find((r) => r.id === betaApp.id)?.automatic).toBeNull();
		// The automatic flag holds even when the reviewer does not tick it.
		await declareConflicts(db, actorOf(invested), call.id, [], context);
		expect(await refusal(readForReviewer(db, actorOf(invested), alphaApp.id))).toBeInstanceOf(NotFoundError);
		expect(await refusal(downloadApplicationFile(db, actorOf(invested), call.id, alphaFile.upload_id))).toBeInstanceOf(
			NotFoundError
		);
		expect((await readForReviewer(db, actorOf(invested), betaApp.id)).application.id).toBe(betaApp.id);

		await declareConflicts(db, actorOf(declaring), call.id, [betaApp.id], context);
		expect(await refusal(readForReviewer(db, actorOf(declaring), betaApp.id))).toBeInstanceOf(NotFoundError);
		// A declaration is final: declaring again does not clear it.
		await declareConflicts(db, actorOf(declaring), call.id, [], context);
		expect(await refusal(readForReviewer(db, actorOf(declaring), betaApp.id))).toBeInstanceOf(NotFoundError);

		await declareConflicts(db, actorOf(fair), call.id, [], context);
		const view = await readForReviewer(db, actorOf(fair), alphaApp.id);
		expect(view.application.answers).toEqual({ q0: answers.q0 });
		expect((await downloadApplicationFile(db, actorOf(fair), call.id, alphaFile.upload_id)).status).toBe(200);

		// Somebody who is not on the panel: 404 for the call's review and its files.
		const outsider = await createUser(db);
		expect(await refusal(listForDeclaration(db, actorOf(outsider), call.id))).toBeInstanceOf(NotFoundError);
		expect(await refusal(downloadApplicationFile(db, actorOf(outsider), call.id, alphaFile.upload_id))).toBeInstanceOf(
			NotFoundError
		);
	});

	it('keeps other reviewers’ scores hidden until the reviewer submits their own', async () => {
		const { call, fair, declaring, betaApp, agency } = await scenario();
		await declareConflicts(db, actorOf(fair), call.id, [], context);
		await declareConflicts(db, actorOf(declaring), call.id, [], context);
		await saveReview(
			db,
			actorOf(fair),
			betaApp.id,
			{ scores: { c0: 5, c1: 2 }, comment: 'Strong team', submit: true },
			context
		);
		// A draft of the second reviewer: still blind.
		await saveReview(db, actorOf(declaring), betaApp.id, { scores: { c0: 3 }, comment: '', submit: false }, context);
		const blind = await readForReviewer(db, actorOf(declaring), betaApp.id);
		expect(blind.others).toEqual([]);
		expect(
			await refusal(
				saveReview(db, actorOf(declaring), betaApp.id, { scores: { c0: 3 }, comment: '', submit: true }, context)
			)
		).toBeInstanceOf(ReviewIncompleteError);
		await saveReview(
			db,
			actorOf(declaring),
			betaApp.id,
			{ scores: { c0: 2, c1: 2 }, comment: 'Unclear market', submit: true },
			context
		);
		const open = await readForReviewer(db, actorOf(declaring), betaApp.id);
		expect(open.others).toHaveLength(1);
		expect(open.others[0]).toMatchObject({ comment: 'Strong team', total: 4 });
		// The first reviewer, already submitted, sees the second's now.
		expect((await readForReviewer(db, actorOf(fair), betaApp.id)).others[0].total).toBe(2);

		const ranking = await rankApplications(db, call);
		const beta = ranking.find((r) => r.id === betaApp.id)!;
		expect(beta).toMatchObject({ reviews: 2, mean: 3, spread: 2, rank: 1 });
		expect(ranking.find((r) => r.id !== betaApp.id)).toMatchObject({ reviews: 0, mean: null, rank: null });
		expect(agency.org.id).toBe(call.org_id);
	});
});
