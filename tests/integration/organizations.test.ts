// Organisation lifecycle: registration (pending), verification by the operator, and who counts as a verified member.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import * as orgService from '$lib/server/orgs/service';
import { findVisibleOrganization, isVerifiedMember, requireVerifiedMember } from '$lib/server/orgs/access';
import { OrgNotVerifiedError, SlugTakenError } from '$lib/server/orgs/errors';
import { InvalidStateError, NotFoundError } from '$lib/server/errors';
import type { Database } from '$lib/server/db/connect';
import type { DB } from '$lib/server/db';
import { createTestDatabase } from './support/database';
import {
	actor,
	auditFor,
	context,
	expectRefusedWithoutWrites,
	newOrgInput,
	notificationsOf,
	ORIGIN,
	orgWithStaff,
	roleOf,
	tableCounts
} from './support/orgs';
import { addMember, createOperator, createOrganization, createUser, uniqueSuffix } from '../factories';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

describe('createOrganization', () => {
	it('creates a pending organisation with its creator as owner, audited, and tells the operators', async () => {
		const operator = await createOperator(db);
		const disabledOperator = await createOperator(db, { disabled_at: new Date() });
		const creator = await createUser(db);
		const input = newOrgInput();

		const org = await orgService.createOrganization(db, creator.id, input, context);
		expect(org).toMatchObject({
			slug: input.slug,
			status: 'pending',
			verified_at: null,
			created_by: creator.id,
			name_en: input.nameEn,
			founded_year: 2019
		});
		expect(await roleOf(db, org.id, creator.id)).toBe('owner');
		expect(await auditFor(db, org.id)).toEqual([
			{ actor_id: creator.id, action: 'organization.created', data: { slug: input.slug, kind: 'company' } }
		]);

		const notified = await notificationsOf(db, operator.id);
		expect(notified).toContainEqual({
			kind: 'org_pending_verification',
			params: { org: input.nameKo, org_en: input.nameEn },
			link: '/admin'
		});
		const mail = await db
			.selectFrom('email_outbox')
			.select(['subject', 'body_text'])
			.where('to_address', '=', operator.email)
			.execute();
		expect(mail.some((m) => m.body_text.includes(input.nameEn) && m.body_text.includes(`${ORIGIN}/admin`))).toBe(true);
		expect(await notificationsOf(db, disabledOperator.id)).toEqual([]);
		expect(await notificationsOf(db, creator.id)).toEqual([]);
	});

	it('refuses a taken slug and writes nothing', async () => {
		const existing = await createOrganization(db);
		const creator = await createUser(db);
		await expectRefusedWithoutWrites(
			db,
			() => orgService.createOrganization(db, creator.id, newOrgInput({ slug: existing.slug }), context),
			SlugTakenError
		);
		expect(await db.selectFrom('memberships').select('org_id').where('user_id', '=', creator.id).execute()).toEqual([]);
	});

	it('writes organisation, membership, audit row and notifications in one transaction', async () => {
		await createOperator(db);
		const creator = await createUser(db);
		const input = newOrgInput({ nameEn: `Explodes ${uniqueSuffix()}` });
		// Make the last write of the flow (the operators' notification) fail, in this test's own database.
		await sql`
			create function it_refuse_notification() returns trigger language plpgsql as $$
			begin
				if new.params ->> 'org_en' like 'Explodes %' then raise exception 'notification refused'; end if;
				return new;
			end $$`.execute(db);
		await sql`create trigger it_refuse_notification before insert on notifications for each row execute function it_refuse_notification()`.execute(
			db
		);
		try {
			const before = await tableCounts(db);
			await expect(orgService.createOrganization(db, creator.id, input, context)).rejects.toThrow(
				'notification refused'
			);
			expect(await tableCounts(db)).toEqual(before);
			expect(await db.selectFrom('organizations').select('id').where('slug', '=', input.slug).execute()).toEqual([]);
		} finally {
			await sql`drop trigger it_refuse_notification on notifications`.execute(db);
			await sql`drop function it_refuse_notification()`.execute(db);
		}
	});
});

describe('decideVerification', () => {
	it('verifies a pending organisation, audits it and tells its owners and admins', async () => {
		const operator = await createOperator(db);
		const { org, owner, admin, member } = await orgWithStaff(db, 'pending');

		const verified = await orgService.decideVerification(
			db,
			operator.id,
			org.id,
			{ verified: true, reason: null },
			context
		);
		expect(verified).toMatchObject({ id: org.id, status: 'verified', status_reason: null });
		expect(verified.verified_at).toBeInstanceOf(Date);
		expect(await auditFor(db, org.id)).toEqual([
			{ actor_id: operator.id, action: 'organization.verified', data: { from: 'pending', reason: null } }
		]);
		for (const user of [owner, admin]) {
			expect(await notificationsOf(db, user.id)).toEqual([
				{
					kind: 'org_verified',
					params: { org: org.name_ko, org_en: org.name_en, reason: '' },
					link: `/orgs/${org.slug}`
				}
			]);
		}
		expect(await notificationsOf(db, member.id)).toEqual([]);
	});

	it('rejects only a pending organisation, with the reason', async () => {
		const operator = await createOperator(db);
		const { org, owner } = await orgWithStaff(db, 'pending');

		const rejected = await orgService.decideVerification(
			db,
			operator.id,
			org.id,
			{ verified: false, reason: 'Missing registration' },
			context
		);
		expect(rejected).toMatchObject({ status: 'rejected', status_reason: 'Missing registration', verified_at: null });
		expect(await notificationsOf(db, owner.id)).toContainEqual(
			expect.objectContaining({
				kind: 'org_rejected',
				params: expect.objectContaining({ reason: 'Missing registration' })
			})
		);

		await expectRefusedWithoutWrites(
			db,
			() => orgService.decideVerification(db, operator.id, org.id, { verified: false, reason: 'again' }, context),
			InvalidStateError
		);

		const verifiedOrg = await createOrganization(db, { status: 'verified' });
		await expectRefusedWithoutWrites(
			db,
			() => orgService.decideVerification(db, operator.id, verifiedOrg.id, { verified: false, reason: 'no' }, context),
			InvalidStateError
		);
		await expectRefusedWithoutWrites(
			db,
			() => orgService.decideVerification(db, operator.id, verifiedOrg.id, { verified: true, reason: null }, context),
			InvalidStateError
		);
		const row = await db
			.selectFrom('organizations')
			.select('status')
			.where('id', '=', verifiedOrg.id)
			.executeTakeFirstOrThrow();
		expect(row.status).toBe('verified');
	});

	it('lets the operator verify a rejected organisation after all', async () => {
		const operator = await createOperator(db);
		const { org } = await orgWithStaff(db, 'pending');
		await orgService.decideVerification(db, operator.id, org.id, { verified: false, reason: 'Unclear' }, context);
		const verified = await orgService.decideVerification(
			db,
			operator.id,
			org.id,
			{ verified: true, reason: null },
			context
		);
		expect(verified).toMatchObject({ status: 'verified', status_reason: null });
		expect((await auditFor(db, org.id)).map((a) => a.data)).toEqual([
			{ from: 'pending', reason: 'Unclear' },
			{ from: 'rejected', reason: null }
		]);
	});

	it('answers NotFoundError for an unknown organisation', async () => {
		const operator = await createOperator(db);
		await expect(
			orgService.decideVerification(db, operator.id, crypto.randomUUID(), { verified: true, reason: null }, context)
		).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('access', () => {
	it('a member of a pending organisation is not a verified member', async () => {
		const operator = await createOperator(db);
		const { org, member } = await orgWithStaff(db, 'pending');
		expect(await isVerifiedMember(db, member.id)).toBe(false);
		await expect(requireVerifiedMember(db, member.id)).rejects.toBeInstanceOf(OrgNotVerifiedError);

		await orgService.decideVerification(db, operator.id, org.id, { verified: true, reason: null }, context);
		expect(await isVerifiedMember(db, member.id)).toBe(true);
		await expect(requireVerifiedMember(db, member.id)).resolves.toBeUndefined();
	});

	it('a member of a rejected organisation, or of none, is not a verified member', async () => {
		const rejected = await createOrganization(db, { status: 'rejected' });
		const user = await createUser(db);
		await expect(requireVerifiedMember(db, user.id)).rejects.toBeInstanceOf(OrgNotVerifiedError);
		await addMember(db, rejected.id, user.id, 'owner');
		await expect(requireVerifiedMember(db, user.id)).rejects.toBeInstanceOf(OrgNotVerifiedError);
	});

	it('shows a pending organisation only to its members and the operator', async () => {
		const operator = await createOperator(db);
		const stranger = await createUser(db);
		const { org, member } = await orgWithStaff(db, 'pending');
		await expect(findVisibleOrganization(db, org.slug, null)).rejects.toBeInstanceOf(NotFoundError);
		await expect(findVisibleOrganization(db, org.slug, actor(stranger))).rejects.toBeInstanceOf(NotFoundError);
		expect((await findVisibleOrganization(db, org.slug, actor(member))).id).toBe(org.id);
		expect((await findVisibleOrganization(db, org.slug, actor(operator))).id).toBe(org.id);
	});
});
