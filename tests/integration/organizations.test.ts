import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import * as orgService from '$lib/server/orgs/service';
import * as membership from '$lib/server/orgs/membership';
import { findVisibleOrganization, isVerifiedMember, requireVerifiedMember, type Actor } from '$lib/server/orgs/access';
import {
	AlreadyMemberError,
	InvitationEmailMismatchError,
	JoinRequestPendingError,
	LastOwnerError,
	NotOrgAdminError,
	OrgNotVerifiedError,
	SlugTakenError
} from '$lib/server/orgs/errors';
import { TokenInvalidError } from '$lib/server/auth/errors';
import { ForbiddenError, InvalidStateError, NotFoundError } from '$lib/server/errors';
import type { Database } from '$lib/server/db/connect';
import type { DB } from '$lib/server/db';
import type { MemberRole, UserRow } from '$lib/server/db/types';
import { createTestDatabase } from './support/database';
import { addMember, createOperator, createOrganization, createUser, uniqueEmail, uniqueSuffix } from '../factories';

const ORIGIN = 'http://127.0.0.1:3000';
const context = { ip: '127.0.0.1', origin: ORIGIN };

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const actor = (user: UserRow): Actor => ({ id: user.id, isOperator: user.is_operator });

function newOrgInput(overrides: Partial<orgService.NewOrganizationInput> = {}): orgService.NewOrganizationInput {
	const suffix = uniqueSuffix();
	return {
		slug: `new-org-${suffix}`,
		kind: 'company',
		nameKo: `메디텍 ${suffix}`,
		nameEn: `Meditech ${suffix}`,
		summaryKo: '웨어러블 심전도 패치',
		summaryEn: 'Wearable ECG patch',
		region: 'Wonju',
		website: 'https://meditech.example',
		foundedYear: 2019,
		...overrides
	};
}

/** An organisation with one user in each role. */
async function orgWithStaff(status: 'pending' | 'verified' = 'verified') {
	const org = await createOrganization(db, { status });
	const [owner, admin, member] = await Promise.all([createUser(db), createUser(db), createUser(db)]);
	await addMember(db, org.id, owner.id, 'owner');
	await addMember(db, org.id, admin.id, 'admin');
	await addMember(db, org.id, member.id, 'member');
	return { org, owner, admin, member };
}

async function roleOf(orgId: string, userId: string): Promise<MemberRole | undefined> {
	const row = await db
		.selectFrom('memberships')
		.select('role')
		.where('org_id', '=', orgId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return row?.role;
}

/** Row counts of every table an organisation flow writes to. */
async function tableCounts() {
	const tables = ['organizations', 'memberships', 'join_requests', 'invitations', 'audit_log', 'notifications', 'email_outbox'] as const;
	const counts: Record<string, number> = {};
	for (const table of tables) {
		const row = await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		counts[table] = Number(row.n);
	}
	return counts;
}

/** Runs `attempt`, expects it to fail with `errorClass`, and expects it to have written nothing. */
async function expectRefusedWithoutWrites(attempt: () => Promise<unknown>, errorClass: new (...args: never[]) => Error) {
	const before = await tableCounts();
	await expect(attempt()).rejects.toBeInstanceOf(errorClass);
	expect(await tableCounts()).toEqual(before);
}

function auditFor(orgId: string) {
	return db
		.selectFrom('audit_log')
		.select(['actor_id', 'action', 'data'])
		.where('entity_type', '=', 'organization')
		.where('entity_id', '=', orgId)
		.orderBy('id')
		.execute();
}

function notificationsOf(userId: string) {
	return db
		.selectFrom('notifications')
		.select(['kind', 'params', 'link'])
		.where('user_id', '=', userId)
		.orderBy('created_at')
		.execute();
}

async function invitationToken(email: string): Promise<string> {
	const rows = await db
		.selectFrom('email_outbox')
		.select('body_text')
		.where(sql`lower(to_address)`, '=', email.toLowerCase())
		.orderBy('created_at', 'desc')
		.execute();
	for (const { body_text } of rows) {
		const match = new RegExp(`${ORIGIN}/invitations/(inv_[a-z0-9]+\\.[a-z2-7]+)`).exec(body_text);
		if (match) return match[1];
	}
	throw new Error(`No invitation e-mail to ${email}`);
}

describe('createOrganization', () => {
	it('creates a pending organisation with its creator as owner, audited, and tells the operators', async () => {
		const operator = await createOperator(db);
		const disabledOperator = await createOperator(db, { disabled_at: new Date() });
		const creator = await createUser(db);
		const input = newOrgInput();

		const org = await orgService.createOrganization(db, creator.id, input, context);
		expect(org).toMatchObject({ slug: input.slug, status: 'pending', verified_at: null, created_by: creator.id, name_en: input.nameEn, founded_year: 2019 });
		expect(await roleOf(org.id, creator.id)).toBe('owner');
		expect(await auditFor(org.id)).toEqual([
			{ actor_id: creator.id, action: 'organization.created', data: { slug: input.slug, kind: 'company' } }
		]);

		const notified = await notificationsOf(operator.id);
		expect(notified).toContainEqual({ kind: 'org_pending_verification', params: { org: input.nameKo, org_en: input.nameEn }, link: '/admin' });
		const mail = await db.selectFrom('email_outbox').select(['subject', 'body_text']).where('to_address', '=', operator.email).execute();
		expect(mail.some((m) => m.body_text.includes(input.nameEn) && m.body_text.includes(`${ORIGIN}/admin`))).toBe(true);
		expect(await notificationsOf(disabledOperator.id)).toEqual([]);
		expect(await notificationsOf(creator.id)).toEqual([]);
	});

	it('refuses a taken slug and writes nothing', async () => {
		const existing = await createOrganization(db);
		const creator = await createUser(db);
		await expectRefusedWithoutWrites(
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
		await sql`create trigger it_refuse_notification before insert on notifications for each row execute function it_refuse_notification()`.execute(db);
		try {
			const before = await tableCounts();
			await expect(orgService.createOrganization(db, creator.id, input, context)).rejects.toThrow('notification refused');
			expect(await tableCounts()).toEqual(before);
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
		const { org, owner, admin, member } = await orgWithStaff('pending');

		const verified = await orgService.decideVerification(db, operator.id, org.id, { verified: true, reason: null }, context);
		expect(verified).toMatchObject({ id: org.id, status: 'verified', status_reason: null });
		expect(verified.verified_at).toBeInstanceOf(Date);
		expect(await auditFor(org.id)).toEqual([
			{ actor_id: operator.id, action: 'organization.verified', data: { from: 'pending', reason: null } }
		]);
		for (const user of [owner, admin]) {
			expect(await notificationsOf(user.id)).toEqual([
				{ kind: 'org_verified', params: { org: org.name_ko, org_en: org.name_en, reason: '' }, link: `/orgs/${org.slug}` }
			]);
		}
		expect(await notificationsOf(member.id)).toEqual([]);
	});

	it('rejects only a pending organisation, with the reason', async () => {
		const operator = await createOperator(db);
		const { org, owner } = await orgWithStaff('pending');

		const rejected = await orgService.decideVerification(db, operator.id, org.id, { verified: false, reason: 'Missing registration' }, context);
		expect(rejected).toMatchObject({ status: 'rejected', status_reason: 'Missing registration', verified_at: null });
		expect(await notificationsOf(owner.id)).toContainEqual(expect.objectContaining({ kind: 'org_rejected', params: expect.objectContaining({ reason: 'Missing registration' }) }));

		await expectRefusedWithoutWrites(
			() => orgService.decideVerification(db, operator.id, org.id, { verified: false, reason: 'again' }, context),
			InvalidStateError
		);

		const verifiedOrg = await createOrganization(db, { status: 'verified' });
		await expectRefusedWithoutWrites(
			() => orgService.decideVerification(db, operator.id, verifiedOrg.id, { verified: false, reason: 'no' }, context),
			InvalidStateError
		);
		await expectRefusedWithoutWrites(
			() => orgService.decideVerification(db, operator.id, verifiedOrg.id, { verified: true, reason: null }, context),
			InvalidStateError
		);
		const row = await db.selectFrom('organizations').select('status').where('id', '=', verifiedOrg.id).executeTakeFirstOrThrow();
		expect(row.status).toBe('verified');
	});

	it('lets the operator verify a rejected organisation after all', async () => {
		const operator = await createOperator(db);
		const { org } = await orgWithStaff('pending');
		await orgService.decideVerification(db, operator.id, org.id, { verified: false, reason: 'Unclear' }, context);
		const verified = await orgService.decideVerification(db, operator.id, org.id, { verified: true, reason: null }, context);
		expect(verified).toMatchObject({ status: 'verified', status_reason: null });
		expect((await auditFor(org.id)).map((a) => a.data)).toEqual([
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

describe('join requests', () => {
	it('asks once, notifies the admins, and an admin accepts', async () => {
		const { org, owner, admin } = await orgWithStaff();
		const applicant = await createUser(db);

		const request = await membership.requestToJoin(db, applicant.id, org.id, 'We make ECG patches', context);
		expect(request).toMatchObject({ org_id: org.id, user_id: applicant.id, status: 'pending', message: 'We make ECG patches' });
		for (const user of [owner, admin]) {
			expect(await notificationsOf(user.id)).toEqual([
				{ kind: 'join_request_received', params: { org: org.name_ko, org_en: org.name_en, user: applicant.name }, link: `/orgs/${org.slug}/manage` }
			]);
		}
		await expectRefusedWithoutWrites(() => membership.requestToJoin(db, applicant.id, org.id, 'again', context), JoinRequestPendingError);

		await membership.decideJoinRequest(db, actor(admin), org.id, request.id, true, context);
		expect(await roleOf(org.id, applicant.id)).toBe('member');
		expect(await notificationsOf(applicant.id)).toEqual([
			{ kind: 'join_request_accepted', params: { org: org.name_ko, org_en: org.name_en }, link: `/orgs/${org.slug}` }
		]);
		expect((await auditFor(org.id)).map((a) => a.action)).toEqual(['membership.requested', 'membership.accepted']);

		await expectRefusedWithoutWrites(() => membership.decideJoinRequest(db, actor(owner), org.id, request.id, false, context), InvalidStateError);
		await expectRefusedWithoutWrites(() => membership.requestToJoin(db, applicant.id, org.id, '', context), AlreadyMemberError);
	});

	it('refuses requests to join an organisation that is not verified', async () => {
		const { org } = await orgWithStaff('pending');
		const applicant = await createUser(db);
		await expectRefusedWithoutWrites(() => membership.requestToJoin(db, applicant.id, org.id, '', context), NotFoundError);
	});

	it('a refused request adds no membership', async () => {
		const { org, owner } = await orgWithStaff();
		const applicant = await createUser(db);
		const request = await membership.requestToJoin(db, applicant.id, org.id, '', context);
		await membership.decideJoinRequest(db, actor(owner), org.id, request.id, false, context);
		expect(await roleOf(org.id, applicant.id)).toBeUndefined();
		const row = await db.selectFrom('join_requests').select(['status', 'decided_by']).where('id', '=', request.id).executeTakeFirstOrThrow();
		expect(row).toEqual({ status: 'refused', decided_by: owner.id });
	});
});

describe('one organisation’s admins have no power over another', () => {
	it('refuses every admin action on organisation B to an admin of A, writing nothing', async () => {
		const a = await orgWithStaff();
		const b = await orgWithStaff();
		const applicant = await createUser(db);
		const requestB = await membership.requestToJoin(db, applicant.id, b.org.id, '', context);
		const invitationB = await membership.inviteMember(db, actor(b.owner), b.org.id, { email: uniqueEmail('invitee'), role: 'member' }, context);

		for (const adminOfA of [a.owner, a.admin]) {
			const as = actor(adminOfA);
			await expectRefusedWithoutWrites(() => membership.decideJoinRequest(db, as, b.org.id, requestB.id, true, context), NotOrgAdminError);
			await expectRefusedWithoutWrites(() => membership.inviteMember(db, as, b.org.id, { email: uniqueEmail('x'), role: 'member' }, context), NotOrgAdminError);
			await expectRefusedWithoutWrites(() => membership.setMemberRole(db, as, b.org.id, b.member.id, 'admin', context), NotOrgAdminError);
			await expectRefusedWithoutWrites(() => membership.removeMember(db, as, b.org.id, b.member.id, context), NotOrgAdminError);
			await expectRefusedWithoutWrites(() => membership.revokeInvitation(db, as, b.org.id, invitationB.id, context), NotOrgAdminError);
			// B's ids passed along with A's own organisation id look like missing rows.
			await expectRefusedWithoutWrites(() => membership.decideJoinRequest(db, as, a.org.id, requestB.id, true, context), NotFoundError);
			await expectRefusedWithoutWrites(() => membership.revokeInvitation(db, as, a.org.id, invitationB.id, context), NotFoundError);
			await expectRefusedWithoutWrites(() => membership.setMemberRole(db, as, a.org.id, b.member.id, 'admin', context), NotFoundError);
			await expectRefusedWithoutWrites(() => membership.removeMember(db, as, a.org.id, b.member.id, context), NotFoundError);
		}
		// A plain member of B has no admin power in B either.
		await expectRefusedWithoutWrites(() => membership.decideJoinRequest(db, actor(b.member), b.org.id, requestB.id, true, context), NotOrgAdminError);

		const request = await db.selectFrom('join_requests').select('status').where('id', '=', requestB.id).executeTakeFirstOrThrow();
		expect(request.status).toBe('pending');
		expect(await roleOf(b.org.id, applicant.id)).toBeUndefined();
		expect(await roleOf(b.org.id, b.member.id)).toBe('member');
		const invitation = await db.selectFrom('invitations').select('revoked_at').where('id', '=', invitationB.id).executeTakeFirstOrThrow();
		expect(invitation.revoked_at).toBeNull();
	});

	it('lets the operator act on any organisation', async () => {
		const operator = await createOperator(db);
		const { org } = await orgWithStaff();
		const applicant = await createUser(db);
		const request = await membership.requestToJoin(db, applicant.id, org.id, '', context);
		await membership.decideJoinRequest(db, actor(operator), org.id, request.id, true, context);
		expect(await roleOf(org.id, applicant.id)).toBe('member');
	});
});

describe('roles and the last owner', () => {
	it('the last owner can neither leave nor be demoted', async () => {
		const operator = await createOperator(db);
		const { org, owner } = await orgWithStaff();
		await expectRefusedWithoutWrites(() => membership.removeMember(db, actor(owner), org.id, owner.id, context), LastOwnerError);
		await expectRefusedWithoutWrites(() => membership.setMemberRole(db, actor(owner), org.id, owner.id, 'admin', context), LastOwnerError);
		await expectRefusedWithoutWrites(() => membership.setMemberRole(db, actor(operator), org.id, owner.id, 'member', context), LastOwnerError);
		await expectRefusedWithoutWrites(() => membership.removeMember(db, actor(operator), org.id, owner.id, context), LastOwnerError);
		expect(await roleOf(org.id, owner.id)).toBe('owner');
	});

	it('an owner can step down once there is another owner', async () => {
		const { org, owner, admin } = await orgWithStaff();
		await membership.setMemberRole(db, actor(owner), org.id, admin.id, 'owner', context);
		await membership.setMemberRole(db, actor(owner), org.id, owner.id, 'member', context);
		expect(await roleOf(org.id, admin.id)).toBe('owner');
		expect(await roleOf(org.id, owner.id)).toBe('member');
		expect((await notificationsOf(admin.id)).map((n) => n.kind)).toEqual(['member_role_changed']);
		expect((await auditFor(org.id)).map((a) => a.data)).toEqual([
			{ userId: admin.id, from: 'admin', to: 'owner' },
			{ userId: owner.id, from: 'owner', to: 'member' }
		]);
		await membership.removeMember(db, actor(owner), org.id, owner.id, context);
		expect(await roleOf(org.id, owner.id)).toBeUndefined();
	});

	it('an admin can neither make owners or admins nor touch an owner', async () => {
		const { org, owner, admin, member } = await orgWithStaff();
		await expectRefusedWithoutWrites(() => membership.setMemberRole(db, actor(admin), org.id, member.id, 'owner', context), ForbiddenError);
		await expectRefusedWithoutWrites(() => membership.setMemberRole(db, actor(admin), org.id, admin.id, 'owner', context), ForbiddenError);
		await expectRefusedWithoutWrites(() => membership.setMemberRole(db, actor(admin), org.id, member.id, 'admin', context), ForbiddenError);
		await expectRefusedWithoutWrites(() => membership.setMemberRole(db, actor(admin), org.id, owner.id, 'member', context), ForbiddenError);
		await expectRefusedWithoutWrites(() => membership.removeMember(db, actor(admin), org.id, owner.id, context), ForbiddenError);
		await expectRefusedWithoutWrites(() => membership.inviteMember(db, actor(admin), org.id, { email: uniqueEmail('a'), role: 'admin' }, context), ForbiddenError);
		expect(await roleOf(org.id, member.id)).toBe('member');

		// What an admin may do: remove a member.
		await membership.removeMember(db, actor(admin), org.id, member.id, context);
		expect(await roleOf(org.id, member.id)).toBeUndefined();
		expect((await notificationsOf(member.id)).map((n) => n.kind)).toEqual(['member_removed']);
	});

	it('a member may leave on their own', async () => {
		const { org, member } = await orgWithStaff();
		await membership.removeMember(db, actor(member), org.id, member.id, context);
		expect(await roleOf(org.id, member.id)).toBeUndefined();
		expect((await auditFor(org.id)).map((a) => a.action)).toEqual(['membership.left']);
	});
});

describe('invitations', () => {
	it('can be accepted only by the invited address, once', async () => {
		const { org, owner } = await orgWithStaff();
		const invitee = await createUser(db, { email_verified_at: null });
		const stranger = await createUser(db);

		await membership.inviteMember(db, actor(owner), org.id, { email: invitee.email.toUpperCase(), role: 'admin' }, context);
		const token = await invitationToken(invitee.email);

		await expectRefusedWithoutWrites(() => membership.acceptInvitation(db, stranger.id, token, context), InvitationEmailMismatchError);
		expect(await roleOf(org.id, stranger.id)).toBeUndefined();

		const joined = await membership.acceptInvitation(db, invitee.id, token, context);
		expect(joined.id).toBe(org.id);
		expect(await roleOf(org.id, invitee.id)).toBe('admin');
		const user = await db.selectFrom('users').select('email_verified_at').where('id', '=', invitee.id).executeTakeFirstOrThrow();
		expect(user.email_verified_at).toBeInstanceOf(Date);

		await expectRefusedWithoutWrites(() => membership.acceptInvitation(db, invitee.id, token, context), TokenInvalidError);
		await expectRefusedWithoutWrites(() => membership.acceptInvitation(db, stranger.id, token, context), TokenInvalidError);
	});

	it('a revoked invitation cannot be accepted', async () => {
		const { org, owner } = await orgWithStaff();
		const invitee = await createUser(db);
		const { id } = await membership.inviteMember(db, actor(owner), org.id, { email: invitee.email, role: 'member' }, context);
		const token = await invitationToken(invitee.email);
		await membership.revokeInvitation(db, actor(owner), org.id, id, context);
		await expectRefusedWithoutWrites(() => membership.acceptInvitation(db, invitee.id, token, context), TokenInvalidError);
	});

	// Known bug, reported to the lead: orgs/invitations.ts revokeInvitation does not filter on
	// `revoked_at is null`, so revoking twice moves revoked_at and writes a second audit row.
	// When it is fixed this test passes and `.fails` must be dropped.
	it.fails('revoking an invitation twice changes nothing the second time', async () => {
		const { org, owner } = await orgWithStaff();
		const { id } = await membership.inviteMember(db, actor(owner), org.id, { email: uniqueEmail('twice'), role: 'member' }, context);
		await membership.revokeInvitation(db, actor(owner), org.id, id, context);
		const revoked = await db.selectFrom('invitations').select('revoked_at').where('id', '=', id).executeTakeFirstOrThrow();
		const before = await tableCounts();
		await membership.revokeInvitation(db, actor(owner), org.id, id, context).catch((error: unknown) => {
			if (!(error instanceof NotFoundError)) throw error;
		});
		expect(await tableCounts()).toEqual(before);
		const after = await db.selectFrom('invitations').select('revoked_at').where('id', '=', id).executeTakeFirstOrThrow();
		expect(after.revoked_at).toEqual(revoked.revoked_at);
	});
});

describe('access', () => {
	it('a member of a pending organisation is not a verified member', async () => {
		const operator = await createOperator(db);
		const { org, member } = await orgWithStaff('pending');
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
		const { org, member } = await orgWithStaff('pending');
		await expect(findVisibleOrganization(db, org.slug, null)).rejects.toBeInstanceOf(NotFoundError);
		await expect(findVisibleOrganization(db, org.slug, actor(stranger))).rejects.toBeInstanceOf(NotFoundError);
		expect((await findVisibleOrganization(db, org.slug, actor(member))).id).toBe(org.id);
		expect((await findVisibleOrganization(db, org.slug, actor(operator))).id).toBe(org.id);
	});
});
