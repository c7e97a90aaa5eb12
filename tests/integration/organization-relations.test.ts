// Organisation relations: one side's admins declare, the other side's admins (and only they) confirm
// or reject; operators remove. Reviewers' conflict flags follow declared and confirmed relations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { ForbiddenError, NotFoundError } from '$lib/server/errors';
import { NotOrgAdminError } from '$lib/server/orgs/errors';
import { automaticConflict, listForDeclaration } from '$lib/server/programmes/conflicts';
import { submitApplication } from '$lib/server/programmes/applications';
import { listConfirmedForOrg } from '$lib/server/relations/repository';
import {
	confirmRelation,
	declareRelation,
	readRelations,
	rejectRelation,
	removeRelation,
	withdrawRelation
} from '$lib/server/relations/service';
import {
	NotDeclarerError,
	NotOtherSideError,
	RelationExistsError,
	RelationNotOpenError,
	RelationOrgUnknownError
} from '$lib/server/relations/errors';
import { createTestDatabase } from './support/database';
import { addMember, createOrganization, createUser } from '../factories';
import { actorOf, answers, context, createAgency, createApplicant, createCall, refusal } from './programmes-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

async function parties() {
	const investor = await createOrganization(db, { kind: 'investor' });
	const investorAdmin = await createUser(db, { locale: 'en' });
	const investorMember = await createUser(db);
	await addMember(db, investor.id, investorAdmin.id, 'admin');
	await addMember(db, investor.id, investorMember.id, 'member');
	const startup = await createApplicant(db);
	const outsider = await createApplicant(db);
	const operator = await createUser(db, { is_operator: true });
	return {
		investor,
		investorAdmin,
		investorMember,
		startup,
		outsider,
		operator: { id: operator.id, isOperator: true }
	};
}

describe('organisation relations', () => {
	it('is declared by one side and confirmed by the other side only', async () => {
		const { investor, investorAdmin, investorMember, startup, outsider, operator } = await parties();
		// Only the declaring organisation's owners and admins declare; not plain members, not operators.
		expect(
			await refusal(
				declareRelation(
					db,
					actorOf(investorMember),
					investor.id,
					{ relatedOrgId: startup.org.id, kind: 'invested_in' },
					context
				)
			)
		).toBeInstanceOf(NotOrgAdminError);
		expect(
			await refusal(
				declareRelation(db, operator, investor.id, { relatedOrgId: startup.org.id, kind: 'invested_in' }, context)
			)
		).toBeInstanceOf(NotOrgAdminError);
		expect(
			await refusal(
				declareRelation(
					db,
					actorOf(investorAdmin),
					investor.id,
					{ relatedOrgId: investor.id, kind: 'partner_of' },
					context
				)
			)
		).toBeInstanceOf(RelationOrgUnknownError);
		const pending = await createOrganization(db, { status: 'pending' });
		expect(
			await refusal(
				declareRelation(
					db,
					actorOf(investorAdmin),
					investor.id,
					{ relatedOrgId: pending.id, kind: 'partner_of' },
					context
				)
			)
		).toBeInstanceOf(RelationOrgUnknownError);

		const relation = await declareRelation(
			db,
			actorOf(investorAdmin),
			investor.id,
			{ relatedOrgId: startup.org.id, kind: 'invested_in' },
			context
		);
		expect(relation.status).toBe('declared');
		expect(
			await refusal(
				declareRelation(
					db,
					actorOf(investorAdmin),
					investor.id,
					{ relatedOrgId: startup.org.id, kind: 'invested_in' },
					context
				)
			)
		).toBeInstanceOf(RelationExistsError);
		const told = await db
			.selectFrom('notifications')
			.select(['kind', 'link'])
			.where('user_id', '=', startup.owner.id)
			.execute();
		expect(told).toEqual([{ kind: 'relation_declared', link: `/orgs/${startup.org.slug}/relations` }]);
		const mail = await db
			.selectFrom('email_outbox')
			.select('subject')
			.where('to_address', '=', startup.owner.email)
			.executeTakeFirstOrThrow();
		expect(mail.subject).toBe(`Relation declared: ${investor.name_en} → ${startup.org.name_en}`);

		// Not on the profiles until confirmed.
		expect(await listConfirmedForOrg(db, startup.org.id)).toEqual([]);
		// The declarer, an operator and an outsider cannot confirm (someone else's record).
		expect(await refusal(confirmRelation(db, actorOf(investorAdmin), relation.id, context))).toBeInstanceOf(
			NotOtherSideError
		);
		expect(await refusal(confirmRelation(db, operator, relation.id, context))).toBeInstanceOf(NotOtherSideError);
		expect(await refusal(confirmRelation(db, actorOf(outsider.owner), relation.id, context))).toBeInstanceOf(
			NotFoundError
		);
		expect(await refusal(rejectRelation(db, actorOf(outsider.owner), relation.id, context))).toBeInstanceOf(
			NotFoundError
		);
		expect(await refusal(withdrawRelation(db, actorOf(startup.owner), relation.id, context))).toBeInstanceOf(
			NotDeclarerError
		);
		expect(await refusal(readRelations(db, actorOf(outsider.owner), startup.org.slug))).toBeInstanceOf(
			NotOrgAdminError
		);

		const confirmed = await confirmRelation(db, actorOf(startup.owner), relation.id, context);
		expect(confirmed).toMatchObject({ status: 'confirmed', decided_by: startup.owner.id });
		expect(await refusal(confirmRelation(db, actorOf(startup.owner), relation.id, context))).toBeInstanceOf(
			RelationNotOpenError
		);
		// A confirmed relation is not withdrawn by the declarer; an operator removes it.
		expect(await refusal(withdrawRelation(db, actorOf(investorAdmin), relation.id, context))).toBeInstanceOf(
			RelationNotOpenError
		);
		for (const orgId of [investor.id, startup.org.id])
			expect((await listConfirmedForOrg(db, orgId)).map((r) => r.id)).toEqual([relation.id]);
		const audit = await db
			.selectFrom('audit_log')
			.select('action')
			.where('action', 'like', 'organization_relation.%')
			.where(sql<boolean>`data @> ${JSON.stringify({ relationId: relation.id })}::jsonb`)
			.orderBy('id')
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['organization_relation.declared', 'organization_relation.confirmed']);

		expect(await refusal(removeRelation(db, actorOf(startup.owner), relation.id, context))).toBeInstanceOf(
			ForbiddenError
		);
		expect((await readRelations(db, operator, startup.org.slug)).relations).toHaveLength(1);
		await removeRelation(db, operator, relation.id, context);
		expect(await listConfirmedForOrg(db, investor.id)).toEqual([]);
	});

	it('keeps one partnership per pair, whichever side declared it; rejected and withdrawn ones are gone', async () => {
		const { startup, outsider } = await parties();
		const partnership = await declareRelation(
			db,
			actorOf(startup.owner),
			startup.org.id,
			{ relatedOrgId: outsider.org.id, kind: 'partner_of' },
			context
		);
		expect(
			await refusal(
				declareRelation(
					db,
					actorOf(outsider.owner),
					outsider.org.id,
					{ relatedOrgId: startup.org.id, kind: 'partner_of' },
					context
				)
			)
		).toBeInstanceOf(RelationExistsError);
		await rejectRelation(db, actorOf(outsider.owner), partnership.id, context);
		expect(
			await db.selectFrom('organization_relations').select('id').where('id', '=', partnership.id).execute()
		).toEqual([]);
		const again = await declareRelation(
			db,
			actorOf(outsider.owner),
			outsider.org.id,
			{ relatedOrgId: startup.org.id, kind: 'partner_of' },
			context
		);
		await withdrawRelation(db, actorOf(outsider.owner), again.id, context);
		expect(await db.selectFrom('organization_relations').select('id').where('id', '=', again.id).execute()).toEqual([]);
	});

	it('flags a reviewer conflict as soon as a relation is declared, keeps it when confirmed, and drops it when rejected', async () => {
		const { investor, investorAdmin, investorMember, startup } = await parties();
		const agency = await createAgency(db);
		const call = await createCall(db, agency.org.id, { reviewers: [investorMember.id] });
		const application = await submitApplication(
			db,
			actorOf(startup.owner),
			{ callId: call.id, organisationId: startup.org.id, answers, files: new Map() },
			context
		);
		const flag = async () =>
			(await listForDeclaration(db, actorOf(investorMember), call.id)).rows.find((r) => r.id === application.id)
				?.automatic;
		expect(await flag()).toBeNull();

		const declared = await declareRelation(
			db,
			actorOf(investorAdmin),
			investor.id,
			{ relatedOrgId: startup.org.id, kind: 'invested_in' },
			context
		);
		expect(await flag()).toBe('invested_in');
		await rejectRelation(db, actorOf(startup.owner), declared.id, context);
		expect(await flag()).toBeNull();

		const redeclared = await declareRelation(
			db,
			actorOf(investorAdmin),
			investor.id,
			{ relatedOrgId: startup.org.id, kind: 'invested_in' },
			context
		);
		await confirmRelation(db, actorOf(startup.owner), redeclared.id, context);
		expect(await flag()).toBe('invested_in');

		// A partnership declared by the applicant's side flags the reviewer's organisation too.
		const other = await createApplicant(db);
		expect(await automaticConflict(db, investorMember.id, other.org.id)).toBeNull();
		await declareRelation(
			db,
			actorOf(other.owner),
			other.org.id,
			{ relatedOrgId: investor.id, kind: 'partner_of' },
			context
		);
		expect(await automaticConflict(db, investorMember.id, other.org.id)).toBe('partner_of');
	});
});
