// Selection: never more selected than places; a freed place goes to the head of the reserve list
// exactly once, however many withdrawals and declines run at the same moment; applicants are told in
// their language, with the reason when declined.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { InvalidStateError } from '$lib/server/errors';
import { submitApplication, withdrawApplication } from '$lib/server/programmes/applications';
import { NotCallManagerError, PlacesFullError } from '$lib/server/programmes/errors';
import { decideApplication } from '$lib/server/programmes/selection';
import { listSelectionsOf } from '$lib/server/programmes/repository';
import { decisionFormSchema } from '$lib/server/programmes/schemas';
import { createTestDatabase } from './support/database';
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

async function applied(count: number, places: number) {
	const agency = await createAgency(db);
	const call = await createCall(db, agency.org.id, { places });
	const companies = [];
	for (let i = 0; i < count; i++) {
		const company = await createApplicant(db);
		const application = await submitApplication(
			db,
			actorOf(company.owner),
			{ callId: call.id, organisationId: company.org.id, answers },
			context
		);
		companies.push({ ...company, application });
	}
	await closeCall(db, call.id);
	return { agency, call, companies };
}

const decide = (
	managerId: string,
	callId: string,
	applicationId: string,
	decision: 'selected' | 'reserve' | 'declined',
	reason = ''
) => decideApplication(db, actorOf({ id: managerId }), callId, { applicationId, decision, reason }, context);

const statuses = async (callId: string) =>
	db
		.selectFrom('programme_applications')
		.select(['id', 'status', 'reserve_position'])
		.where('call_id', '=', callId)
		.execute();

describe('programme selection', () => {
	it('selects up to the number of places, only after closing and only by the call’s managers', async () => {
		const agency = await createAgency(db);
		const open = await createCall(db, agency.org.id, { places: 1 });
		const early = await createApplicant(db);
		const earlyApp = await submitApplication(
			db,
			actorOf(early.owner),
			{ callId: open.id, organisationId: early.org.id, answers },
			context
		);
		expect(await refusal(decide(agency.manager.id, open.id, earlyApp.id, 'selected'))).toBeInstanceOf(
			InvalidStateError
		);

		const { agency: runner, call, companies } = await applied(2, 1);
		expect(await refusal(decide(agency.manager.id, call.id, companies[0].application.id, 'selected'))).toBeInstanceOf(
			NotCallManagerError
		);
		await decide(runner.manager.id, call.id, companies[0].application.id, 'selected');
		expect(await refusal(decide(runner.manager.id, call.id, companies[1].application.id, 'selected'))).toBeInstanceOf(
			PlacesFullError
		);
		expect((await listSelectionsOf(db, companies[0].org.id)).map((s) => s.id)).toEqual([call.id]);
		const audit = await db
			.selectFrom('audit_log')
			.select('action')
			.where('entity_id', '=', companies[0].application.id)
			.where('action', '=', 'programme_application.selected')
			.execute();
		expect(audit).toHaveLength(1);
	});

	it('declines with the reason, told to the applicant in their language', async () => {
		const { agency, call, companies } = await applied(1, 1);
		const [company] = companies;
		await db.updateTable('users').set({ locale: 'ko' }).where('id', '=', company.owner.id).execute();
		await decide(agency.manager.id, call.id, company.application.id, 'declined', '시장 검증 자료 부족');
		const mail = await db
			.selectFrom('email_outbox')
			.select(['subject', 'body_text'])
			.where('to_address', '=', company.owner.email)
			.orderBy('created_at', 'desc')
			.executeTakeFirstOrThrow();
		expect(mail.body_text).toContain('시장 검증 자료 부족');
		const row = await db
			.selectFrom('programme_applications')
			.select(['status', 'decision_reason'])
			.where('id', '=', company.application.id)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ status: 'declined', decision_reason: '시장 검증 자료 부족' });
		// The form refuses a decline without a reason before it reaches the service.
		expect(
			decisionFormSchema.safeParse({ applicationId: company.application.id, decision: 'declined', reason: '' }).success
		).toBe(false);
		expect(mail.subject).toContain('미선정');
	});

	it('promotes the reserve list in order, exactly once per freed place, under parallel withdrawals and declines', async () => {
		const { agency, call, companies } = await applied(8, 3);
		const [s1, s2, s3, r1, r2, r3, r4, r5] = companies;
		for (const c of [s1, s2, s3]) await decide(agency.manager.id, call.id, c.application.id, 'selected');
		for (const c of [r1, r2, r3, r4, r5]) await decide(agency.manager.id, call.id, c.application.id, 'reserve');

		const results = await Promise.allSettled([
			withdrawApplication(db, actorOf(s1.owner), s1.application.id, context),
			withdrawApplication(db, actorOf(s1.owner), s1.application.id, context),
			decide(agency.manager.id, call.id, s2.application.id, 'declined', 'Paperwork missing'),
			decide(agency.manager.id, call.id, s2.application.id, 'declined', 'Paperwork missing'),
			withdrawApplication(db, actorOf(s3.owner), s3.application.id, context)
		]);
		// Each change happens once; its duplicate finds the state already moved on.
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
		for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(InvalidStateError);

		const rows = await statuses(call.id);
		const status = (c: (typeof companies)[number]) => rows.find((r) => r.id === c.application.id);
		expect(
			rows
				.filter((r) => r.status === 'selected')
				.map((r) => r.id)
				.sort()
		).toEqual([r1, r2, r3].map((c) => c.application.id).sort());
		expect(status(r4)).toMatchObject({ status: 'reserve', reserve_position: 1 });
		expect(status(r5)).toMatchObject({ status: 'reserve', reserve_position: 2 });
		expect(status(s2)).toMatchObject({ status: 'declined', reserve_position: null });

		// Exactly one selection and one notice per promoted company.
		for (const c of [r1, r2, r3]) {
			const audit = await db
				.selectFrom('audit_log')
				.select('action')
				.where('entity_id', '=', c.application.id)
				.where('action', '=', 'programme_application.selected')
				.execute();
			expect(audit).toHaveLength(1);
			const notices = await db
				.selectFrom('notifications')
				.select('kind')
				.where('user_id', '=', c.owner.id)
				.where('kind', '=', 'programmes_promoted')
				.execute();
			expect(notices).toHaveLength(1);
		}
		// A withdrawal from the reserve list closes the gap.
		await withdrawApplication(db, actorOf(r4.owner), r4.application.id, context);
		expect((await statuses(call.id)).find((r) => r.id === r5.application.id)).toMatchObject({
			status: 'reserve',
			reserve_position: 1
		});
	});
});
