// Membership rules: join requests, invitations, roles, the last owner, and the wall between organisations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import * as membership from '$lib/server/orgs/membership';
import {
	AlreadyMemberError,
	InvitationEmailMismatchError,
	JoinRequestPendingError,
	LastOwnerError,
	NotOrgAdminError
} from '$lib/server/orgs/errors';
import { TokenInvalidError } from '$lib/server/auth/errors';
import { ForbiddenError, InvalidStateError, NotFoundError } from '$lib/server/errors';
import type { Database } from '$lib/server/db/connect';
import type { DB } from '$lib/server/db';
import { createTestDatabase } from './support/database';
import {
	actor,
	auditFor,
	context,
	expectRefusedWithoutWrites,
	invitationToken,
	notificationsOf,
	orgWithStaff,
	roleOf,
	tableCounts
} from './support/orgs';
import { createOperator, createUser, uniqueEmail } from '../factories';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

describe('join requests', () => {
	it('asks once, notifies the admins, and an admin accepts', async () => {
		const { org, owner, admin } = await orgWithStaff(db);
		const applicant = await createUser(db);

		const request = await membership.requestToJoin(db, applicant.id, org.id, 'We make ECG patches', context);
		expect(request).toMatchObject({
			org_id: org.id,
			user_id: applicant.id,
			status: 'pending',
			message: 'We make ECG patches'
		});
		for (const user of [owner, admin]) {
			expect(await notificationsOf(db, user.id)).toEqual([
				{
					kind: 'join_request_received',
					params: { org: org.name_ko, org_en: org.name_en, user: applicant.name },
					link: `/orgs/${org.slug}/manage`
				}
			]);
		}
		await expectRefusedWithoutWrites(
			db,
			() => membership.requestToJoin(db, applicant.id, org.id, 'again', context),
			JoinRequestPendingError
		);

		await membership.decideJoinRequest(db, actor(admin), org.id, request.id, true, context);
		expect(await roleOf(db, org.id, applicant.id)).toBe('member');
		expect(await notificationsOf(db, applicant.id)).toEqual([
			{ kind: 'join_request_accepted', params: { org: org.name_ko, org_en: org.name_en }, link: `/orgs/${org.slug}` }
		]);
		expect((await auditFor(db, org.id)).map((a) => a.action)).toEqual(['membership.requested', 'membership.accepted']);

		await expectRefusedWithoutWrites(
			db,
			() => membership.decideJoinRequest(db, actor(owner), org.id, request.id, false, context),
			InvalidStateError
		);
		await expectRefusedWithoutWrites(
			db,
			() => membership.requestToJoin(db, applicant.id, org.id, '', context),
			AlreadyMemberError
		);
	});

	it('refuses requests to join an organisation that is not verified', async () => {
		const { org } = await orgWithStaff(db, 'pending');
		const applicant = await createUser(db);
		await expectRefusedWithoutWrites(
			db,
			() => membership.requestToJoin(db, applicant.id, org.id, '', context),
			NotFoundError
		);
	});

	it('a refused request adds no membership', async () => {
		const { org, owner } = await orgWithStaff(db);
		const applicant = await createUser(db);
		const request = await membership.requestToJoin(db, applicant.id, org.id, '', context);
		await membership.decideJoinRequest(db, actor(owner), org.id, request.id, false, context);
		expect(await roleOf(db, org.id, applicant.id)).toBeUndefined();
		const row = await db
			.selectFrom('join_requests')
			.select(['status', 'decided_by'])
			.where('id', '=', request.id)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ status: 'refused', decided_by: owner.id });
	});
});

describe('one organisation’s admins have no power over another', () => {
	it('refuses every admin action on organisation B to an admin of A, writing nothing', async () => {
		const a = await orgWithStaff(db);
		const b = await orgWithStaff(db);
		const applicant = await createUser(db);
		const requestB = await membership.requestToJoin(db, applicant.id, b.org.id, '', context);
		const invitationB = await membership.inviteMember(
			db,
			actor(b.owner),
			b.org.id,
			{ email: uniqueEmail('invitee'), role: 'member' },
			context
		);

		for (const adminOfA of [a.owner, a.admin]) {
			const as = actor(adminOfA);
			await expectRefusedWithoutWrites(
				db,
				() => membership.decideJoinRequest(db, as, b.org.id, requestB.id, true, context),
				NotOrgAdminError
			);
			await expectRefusedWithoutWrites(
				db,
				() => membership.inviteMember(db, as, b.org.id, { email: uniqueEmail('x'), role: 'member' }, context),
				NotOrgAdminError
			);
			await expectRefusedWithoutWrites(
				db,
				() => membership.setMemberRole(db, as, b.org.id, b.member.id, 'admin', context),
				NotOrgAdminError
			);
			await expectRefusedWithoutWrites(
				db,
				() => membership.removeMember(db, as, b.org.id, b.member.id, context),
				NotOrgAdminError
			);
			await expectRefusedWithoutWrites(
				db,
				() => membership.revokeInvitation(db, as, b.org.id, invitationB.id, context),
				NotOrgAdminError
			);
			// B's ids passed along with A's own organisation id look like missing rows.
			await expectRefusedWithoutWrites(
				db,
				() => membership.decideJoinRequest(db, as, a.org.id, requestB.id, true, context),
				NotFoundError
			);
			await expectRefusedWithoutWrites(
				db,
				() => membership.revokeInvitation(db, as, a.org.id, invitationB.id, context),
				NotFoundError
			);
			await expectRefusedWithoutWrites(
				db,
				() => membership.setMemberRole(db, as, a.org.id, b.member.id, 'admin', context),
				NotFoundError
			);
			await expectRefusedWithoutWrites(
				db,
				() => membership.removeMember(db, as, a.org.id, b.member.id, context),
				NotFoundError
			);
		}
		// A plain member of B has no admin power in B either.
		await expectRefusedWithoutWrites(
			db,
			() => membership.decideJoinRequest(db, actor(b.member), b.org.id, requestB.id, true, context),
			NotOrgAdminError
		);

		const request = await db
			.selectFrom('join_requests')
			.select('status')
			.where('id', '=', requestB.id)
			.executeTakeFirstOrThrow();
		expect(request.status).toBe('pending');
		expect(await roleOf(db, b.org.id, applicant.id)).toBeUndefined();
		expect(await roleOf(db, b.org.id, b.member.id)).toBe('member');
		const invitation = await db
			.selectFrom('invitations')
			.select('revoked_at')
			.where('id', '=', invitationB.id)
			.executeTakeFirstOrThrow();
		expect(invitation.revoked_at).toBeNull();
	});

	it('lets the operator act on any organisation', async () => {
		const operator = await createOperator(db);
		const { org } = await orgWithStaff(db);
		const applicant = await createUser(db);
		const request = await membership.requestToJoin(db, applicant.id, org.id, '', context);
		await membership.decideJoinRequest(db, actor(operator), org.id, request.id, true, context);
		expect(await roleOf(db, org.id, applicant.id)).toBe('member');
	});
});

describe('roles and the last owner', () => {
	it('the last owner can neither leave nor be demoted', async () => {
		const operator = await createOperator(db);
		const { org, owner } = await orgWithStaff(db);
		await expectRefusedWithoutWrites(
			db,
			() => membership.removeMember(db, actor(owner), org.id, owner.id, context),
			LastOwnerError
		);
		await expectRefusedWithoutWrites(
			db,
			() => membership.setMemberRole(db, actor(owner), org.id, owner.id, 'admin', context),
			LastOwnerError
		);
		await expectRefusedWithoutWrites(
			db,
			() => membership.setMemberRole(db, actor(operator), org.id, owner.id, 'member', context),
			LastOwnerError
		);
		await expectRefusedWithoutWrites(
			db,
			() => membership.removeMember(db, actor(operator), org.id, owner.id, context),
			LastOwnerError
		);
		expect(await roleOf(db, org.id, owner.id)).toBe('owner');
	});

	it('an owner can step down once there is another owner', async () => {
		const { org, owner, admin } = await orgWithStaff(db);
		await membership.setMemberRole(db, actor(owner), org.id, admin.id, 'owner', context);
		await membership.setMemberRole(db, actor(owner), org.id, owner.id, 'member', context);
		expect(await roleOf(db, org.id, admin.id)).toBe('owner');
		expect(await roleOf(db, org.id, owner.id)).toBe('member');
		expect((await notificationsOf(db, admin.id)).map((n) => n.kind)).toEqual(['member_role_changed']);
		expect((await auditFor(db, org.id)).map((a) => a.data)).toEqual([
			{ userId: admin.id, from: 'admin', to: 'owner' },
			{ userId: owner.id, from: 'owner', to: 'member' }
		]);
		await membership.removeMember(db, actor(owner), org.id, owner.id, context);
		expect(await roleOf(db, org.id, owner.id)).toBeUndefined();
	});

	it('an admin can neither make owners or admins nor touch an owner', async () => {
		const { org, owner, admin, member } = await orgWithStaff(db);
		await expectRefusedWithoutWrites(
			db,
			() => membership.setMemberRole(db, actor(admin), org.id, member.id, 'owner', context),
			ForbiddenError
		);
		await expectRefusedWithoutWrites(
			db,
			() => membership.setMemberRole(db, actor(admin), org.id, admin.id, 'owner', context),
			ForbiddenError
		);
		await expectRefusedWithoutWrites(
			db,
			() => membership.setMemberRole(db, actor(admin), org.id, member.id, 'admin', context),
			ForbiddenError
		);
		await expectRefusedWithoutWrites(
			db,
			() => membership.setMemberRole(db, actor(admin), org.id, owner.id, 'member', context),
			ForbiddenError
		);
		await expectRefusedWithoutWrites(
			db,
			() => membership.removeMember(db, actor(admin), org.id, owner.id, context),
			ForbiddenError
		);
		await expectRefusedWithoutWrites(
			db,
			() => membership.inviteMember(db, actor(admin), org.id, { email: uniqueEmail('a'), role: 'admin' }, context),
			ForbiddenError
		);
		expect(await roleOf(db, org.id, member.id)).toBe('member');

		// What an admin may do: remove a member.
		await membership.removeMember(db, actor(admin), org.id, member.id, context);
		expect(await roleOf(db, org.id, member.id)).toBeUndefined();
		expect((await notificationsOf(db, member.id)).map((n) => n.kind)).toEqual(['member_removed']);
	});

	it('a member may leave on their own', async () => {
		const { org, member } = await orgWithStaff(db);
		await membership.removeMember(db, actor(member), org.id, member.id, context);
		expect(await roleOf(db, org.id, member.id)).toBeUndefined();
		expect((await auditFor(db, org.id)).map((a) => a.action)).toEqual(['membership.left']);
	});
});

describe('invitations', () => {
	it('can be accepted only by the invited address, once', async () => {
		const { org, owner } = await orgWithStaff(db);
		const invitee = await createUser(db, { email_verified_at: null });
		const stranger = await createUser(db);

		await membership.inviteMember(
			db,
			actor(owner),
			org.id,
			{ email: invitee.email.toUpperCase(), role: 'admin' },
			context
		);
		const token = await invitationToken(db, invitee.email);

		await expectRefusedWithoutWrites(
			db,
			() => membership.acceptInvitation(db, stranger.id, token, context),
			InvitationEmailMismatchError
		);
		expect(await roleOf(db, org.id, stranger.id)).toBeUndefined();

		const joined = await membership.acceptInvitation(db, invitee.id, token, context);
		expect(joined.id).toBe(org.id);
		expect(await roleOf(db, org.id, invitee.id)).toBe('admin');
		const user = await db
			.selectFrom('users')
			.select('email_verified_at')
			.where('id', '=', invitee.id)
			.executeTakeFirstOrThrow();
		expect(user.email_verified_at).toBeInstanceOf(Date);

		await expectRefusedWithoutWrites(
			db,
			() => membership.acceptInvitation(db, invitee.id, token, context),
			TokenInvalidError
		);
		await expectRefusedWithoutWrites(
			db,
			() => membership.acceptInvitation(db, stranger.id, token, context),
			TokenInvalidError
		);
	});

	it('a revoked invitation cannot be accepted', async () => {
		const { org, owner } = await orgWithStaff(db);
		const invitee = await createUser(db);
		const { id } = await membership.inviteMember(
			db,
			actor(owner),
			org.id,
			{ email: invitee.email, role: 'member' },
			context
		);
		const token = await invitationToken(db, invitee.email);
		await membership.revokeInvitation(db, actor(owner), org.id, id, context);
		await expectRefusedWithoutWrites(
			db,
			() => membership.acceptInvitation(db, invitee.id, token, context),
			TokenInvalidError
		);
	});

	// Known bug, reported to the lead: orgs/invitations.ts revokeInvitation does not filter on
	// `revoked_at is null`, so revoking twice moves revoked_at and writes a second audit row.
	// When it is fixed this test passes and `.fails` must be dropped.
	it('revoking an invitation twice changes nothing the second time', async () => {
		const { org, owner } = await orgWithStaff(db);
		const { id } = await membership.inviteMember(
			db,
			actor(owner),
			org.id,
			{ email: uniqueEmail('twice'), role: 'member' },
			context
		);
		await membership.revokeInvitation(db, actor(owner), org.id, id, context);
		const revoked = await db
			.selectFrom('invitations')
			.select('revoked_at')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		const before = await tableCounts(db);
		await membership.revokeInvitation(db, actor(owner), org.id, id, context).catch((error: unknown) => {
			if (!(error instanceof NotFoundError)) throw error;
		});
		expect(await tableCounts(db)).toEqual(before);
		const after = await db
			.selectFrom('invitations')
			.select('revoked_at')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(after.revoked_at).toEqual(revoked.revoked_at);
	});
});
