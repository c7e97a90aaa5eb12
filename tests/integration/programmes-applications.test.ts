// Applications: the deadline is the database's, one application per company per call under any
// concurrency, and every eligibility rule refuses by its own name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { saveDraft, submitApplication, withdrawApplication } from '$lib/server/programmes/applications';
import {
	AlreadyAppliedError,
	AnswersIncompleteError,
	CallClosedError,
	NotCompanyAdminError,
	NotEligibleError
} from '$lib/server/programmes/errors';
import { createTestDatabase } from './support/database';
import { createUser, addMember } from '../factories';
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

describe('programme applications', () => {
	it('refuses a submission one second after the deadline, though the draft was opened before it', async () => {
		const agency = await createAgency(db);
		const call = await createCall(db, agency.org.id);
		const company = await createApplicant(db);
		const draft = await saveDraft(
			db,
			actorOf(company.owner),
			{ callId: call.id, organisationId: company.org.id, answers },
			context
		);
		expect(draft.status).toBe('draft');
		// The page was opened and filled while the call was open; the deadline then passes.
		await closeCall(db, call.id);
		const error = await refusal(
			submitApplication(
				db,
				actorOf(company.owner),
				{ callId: call.id, organisationId: company.org.id, answers },
				context
			)
		);
		expect(error).toBeInstanceOf(CallClosedError);
		const row = await db
			.selectFrom('programme_applications')
			.select(['status', 'submitted_at'])
			.where('id', '=', draft.id)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ status: 'draft', submitted_at: null });
		// The closing instant itself is already too late: open means now() < closes_at.
		await db
			.updateTable('programme_calls')
			.set({ closes_at: sql`now()` })
			.where('id', '=', call.id)
			.execute();
		expect(
			await refusal(
				submitApplication(
					db,
					actorOf(company.owner),
					{ callId: call.id, organisationId: company.org.id, answers },
					context
				)
			)
		).toBeInstanceOf(CallClosedError);
	});

	it('submits a complete draft before the deadline and stamps it with the database clock', async () => {
		const agency = await createAgency(db);
		const call = await createCall(db, agency.org.id);
		const company = await createApplicant(db);
		await saveDraft(
			db,
			actorOf(company.owner),
			{ callId: call.id, organisationId: company.org.id, answers: { q0: '' } },
			context
		);
		const incomplete = await refusal(
			submitApplication(
				db,
				actorOf(company.owner),
				{ callId: call.id, organisationId: company.org.id, answers: { q0: '' } },
				context
			)
		);
		expect(incomplete).toBeInstanceOf(AnswersIncompleteError);
		const submitted = await submitApplication(
			db,
			actorOf(company.owner),
			{ callId: call.id, organisationId: company.org.id, answers },
			context
		);
		expect(submitted.status).toBe('submitted');
		expect(submitted.answers).toEqual(answers);
		const { inside } = (
			await sql<{
				inside: boolean;
			}>`select submitted_at <= now() and submitted_at > now() - interval '1 minute' as inside from programme_applications where id = ${submitted.id}`.execute(
				db
			)
		).rows[0];
		expect(inside).toBe(true);
		// Submitted once: a second submission or a draft save is a conflict.
		expect(
			await refusal(
				submitApplication(
					db,
					actorOf(company.owner),
					{ callId: call.id, organisationId: company.org.id, answers },
					context
				)
			)
		).toBeInstanceOf(AlreadyAppliedError);
		expect(
			await refusal(
				saveDraft(db, actorOf(company.owner), { callId: call.id, organisationId: company.org.id, answers }, context)
			)
		).toBeInstanceOf(AlreadyAppliedError);
	});

	it('keeps one application per company per call under parallel submits', async () => {
		const agency = await createAgency(db);
		const call = await createCall(db, agency.org.id);
		const company = await createApplicant(db);
		const admin = await createUser(db);
		await addMember(db, company.org.id, admin.id, 'admin');
		const results = await Promise.allSettled(
			Array.from({ length: 12 }, (_, i) =>
				submitApplication(
					db,
					actorOf(i % 2 ? admin : company.owner),
					{ callId: call.id, organisationId: company.org.id, answers },
					context
				)
			)
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(refused).toHaveLength(11);
		for (const r of refused) expect(r.reason).toBeInstanceOf(AlreadyAppliedError);
		const rows = await db
			.selectFrom('programme_applications')
			.select('status')
			.where('call_id', '=', call.id)
			.execute();
		expect(rows).toEqual([{ status: 'submitted' }]);
	});

	it('names each eligibility rule an organisation breaks', async () => {
		const agency = await createAgency(db);
		const cases: {
			rule: string;
			eligibility: object;
			org: Record<string, unknown>;
			product?: Record<string, unknown>;
		}[] = [
			{ rule: 'org_kind', eligibility: { orgKinds: ['company'] }, org: { kind: 'university' } },
			{ rule: 'verified', eligibility: { verifiedOnly: true }, org: { status: 'pending' } },
			{ rule: 'region', eligibility: { regions: ['Gangwon'] }, org: { region: 'Seoul' } },
			{
				rule: 'regulatory_stage',
				eligibility: { minMfdsStage: 'approved' },
				org: {},
				product: { mfds_status: 'in_review' }
			},
			{ rule: 'employee_count', eligibility: { maxEmployees: 10 }, org: { employee_range: '11-50' } },
			{ rule: 'employee_count', eligibility: { minEmployees: 1 }, org: { employee_range: null } }
		];
		for (const item of cases) {
			const call = await createCall(db, agency.org.id, { eligibility: item.eligibility });
			const company = await createApplicant(db, item.org);
			if (item.product)
				await db
					.insertInto('products')
					.values({ org_id: company.org.id, name_ko: '제품', name_en: 'Product', ...item.product })
					.execute();
			const error = await refusal(
				submitApplication(
					db,
					actorOf(company.owner),
					{ callId: call.id, organisationId: company.org.id, answers },
					context
				)
			);
			expect(error, item.rule).toBeInstanceOf(NotEligibleError);
			expect((error as NotEligibleError).rule).toBe(item.rule);
			// A company that meets the rule passes the same call.
			const fine = await createApplicant(db);
			if (item.product)
				await db
					.insertInto('products')
					.values({
						org_id: fine.org.id,
						name_ko: '제품',
						name_en: 'Product',
						mfds_status: 'approved',
						mfds_class: 2,
						mfds_approval_no: '제허 26-001'
					})
					.execute();
			if (item.rule === 'region')
				await db.updateTable('organizations').set({ region: 'Gangwon' }).where('id', '=', fine.org.id).execute();
			if (item.rule === 'employee_count')
				await db.updateTable('organizations').set({ employee_range: '1-10' }).where('id', '=', fine.org.id).execute();
			expect(
				(
					await submitApplication(
						db,
						actorOf(fine.owner),
						{ callId: call.id, organisationId: fine.org.id, answers },
						context
					)
				).status,
				item.rule
			).toBe('submitted');
		}
	});

	it('refuses a company already selected in another call of the same programme', async () => {
		const agency = await createAgency(db);
		const first = await createCall(db, agency.org.id, { programmeKey: 'jump-up-test' });
		const second = await createCall(db, agency.org.id, {
			programmeKey: 'jump-up-test',
			eligibility: { notSelectedInProgramme: true }
		});
		const company = await createApplicant(db);
		await db
			.insertInto('programme_applications')
			.values({
				call_id: first.id,
				organisation_id: company.org.id,
				status: 'selected',
				answers: '{}',
				submitted_at: new Date(),
				decided_at: new Date()
			})
			.execute();
		const error = await refusal(
			submitApplication(
				db,
				actorOf(company.owner),
				{ callId: second.id, organisationId: company.org.id, answers },
				context
			)
		);
		expect((error as NotEligibleError).rule).toBe('already_selected');
	});

	it('lets only the company’s owners and admins apply and withdraw', async () => {
		const agency = await createAgency(db);
		const call = await createCall(db, agency.org.id);
		const company = await createApplicant(db);
		const member = await createUser(db);
		await addMember(db, company.org.id, member.id, 'member');
		expect(
			await refusal(
				saveDraft(db, actorOf(member), { callId: call.id, organisationId: company.org.id, answers }, context)
			)
		).toBeInstanceOf(NotCompanyAdminError);
		const application = await submitApplication(
			db,
			actorOf(company.owner),
			{ callId: call.id, organisationId: company.org.id, answers },
			context
		);
		const stranger = await createApplicant(db);
		expect((await refusal(withdrawApplication(db, actorOf(stranger.owner), application.id, context)))?.status).toBe(
			404
		);
		await withdrawApplication(db, actorOf(company.owner), application.id, context);
		expect(
			(
				await db
					.selectFrom('programme_applications')
					.select('status')
					.where('id', '=', application.id)
					.executeTakeFirstOrThrow()
			).status
		).toBe('withdrawn');
	});
});
