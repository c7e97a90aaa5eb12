// Your data: the export holds the person's own rows and nobody else's; deletion leaves no address or
// name of the person in any text column of any table, while their certificate still verifies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { unzipSync, strFromU8 } from 'fflate';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { collectPersonalData } from '$lib/server/privacy/export';
import { buildExportZip } from '$lib/server/privacy/export-zip';
import { deleteAccount, pseudonymFor } from '$lib/server/privacy/deletion';
import { findCertificateBySerial, isCertificateValid } from '$lib/server/courses/certificates';
import { validateSessionToken } from '$lib/server/auth/session';
import * as authService from '$lib/server/auth/service';
import { WrongPasswordError } from '$lib/server/auth/errors';
import { LastOwnerError } from '$lib/server/orgs/errors';
import { createTestDatabase } from './support/database';
import { addMember, createOrganization, createUser, TEST_PASSWORD } from '../factories';
import { addBooking, context, createPersonWithHistory, findInAnyText } from './privacy-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

describe('export of personal data', () => {
	it('holds the person’s booking and chat message, as JSON files with a README, and nothing of another person', async () => {
		const person = await createPersonWithHistory(db);
		const other = await createPersonWithHistory(db);
		const files = unzipSync(buildExportZip(await collectPersonalData(db, person.user.id)));

		expect(Object.keys(files)).toEqual(
			expect.arrayContaining([
				'README.txt',
				'profile.json',
				'bookings.json',
				'ir_chat_messages.json',
				'consents.json',
				'sessions.json',
				'certificates.json',
				'notifications.json'
			])
		);
		const read = (file: string) => JSON.parse(strFromU8(files[file]));
		expect(read('profile.json')).toMatchObject({ id: person.user.id, email: person.email, name: person.name });
		expect(read('bookings.json').map((b: { id: string }) => b.id)).toEqual([person.booking.id]);
		expect(read('ir_chat_messages.json').map((c: { id: string; body: string }) => [c.id, c.body])).toEqual([
			[person.chat.id, person.chat.body]
		]);
		expect(
			read('consents.json')
				.map((c: { purpose: string; granted: boolean }) => [c.purpose, c.granted])
				.sort()
		).toEqual([
			['marketing_email', true],
			['profile_listing', true],
			['required', true]
		]);
		expect(read('certificates.json').map((c: { serial: string }) => c.serial)).toEqual([person.serial]);
		// Sessions without their secret hash.
		expect(read('sessions.json')).toHaveLength(1);
		expect(strFromU8(files['sessions.json'])).not.toMatch(/secret|hash/);
		const readme = strFromU8(files['README.txt']);
		expect(readme).toContain('bookings.json');
		expect(readme).toMatch(/pseudonym/);

		const everything = Object.values(files)
			.map((bytes) => strFromU8(bytes))
			.join('\n');
		for (const trace of [other.email, other.name, other.user.id, other.booking.id, other.chat.id, other.chat.body])
			expect(everything).not.toContain(trace);
	});
});

describe('deleting an account', () => {
	it('refuses a wrong password and changes nothing', async () => {
		const person = await createPersonWithHistory(db);
		await expect(deleteAccount(db, person.user.id, 'not the password', null)).rejects.toBeInstanceOf(
			WrongPasswordError
		);
		const user = await db
			.selectFrom('users')
			.select(['email', 'deleted_at'])
			.where('id', '=', person.user.id)
			.executeTakeFirstOrThrow();
		expect(user).toEqual({ email: person.email, deleted_at: null });
	});

	it('asks the last owner of an organisation to hand it over first', async () => {
		const owner = await createUser(db);
		const org = await createOrganization(db);
		await addMember(db, org.id, owner.id, 'owner');
		await expect(deleteAccount(db, owner.id, TEST_PASSWORD, null)).rejects.toBeInstanceOf(LastOwnerError);
		expect(await db.selectFrom('memberships').select('role').where('user_id', '=', owner.id).execute()).toEqual([
			{ role: 'owner' }
		]);
		// With a second owner, the first may go.
		const second = await createUser(db);
		await addMember(db, org.id, second.id, 'owner');
		await deleteAccount(db, owner.id, TEST_PASSWORD, null);
		expect(await db.selectFrom('memberships').select('user_id').where('org_id', '=', org.id).execute()).toEqual([
			{ user_id: second.id }
		]);
	});

	it('leaves no address or name of the person in any text column, keeps what must be kept under a pseudonym, and the certificate still verifies', async () => {
		const person = await createPersonWithHistory(db);
		const bystander = await createPersonWithHistory(db);
		const signedIn = await authService.signIn(db, { email: person.email, password: TEST_PASSWORD }, context());
		const before = await findInAnyText(db, [person.email, person.name]);
		expect(before.found.length).toBeGreaterThan(5);

		await deleteAccount(db, person.user.id, TEST_PASSWORD, '10.9.9.9');

		const after = await findInAnyText(db, [person.email, person.name]);
		expect(after.columns).toBeGreaterThan(100);
		expect(after.found).toEqual([]);
		// Someone else's data is untouched.
		expect((await findInAnyText(db, [bystander.email])).found.length).toBeGreaterThan(0);

		const pseudonym = pseudonymFor(person.user.id);
		const certificate = await findCertificateBySerial(db, person.serial);
		expect(certificate).toMatchObject({ holder: pseudonym.name, holder_id: person.user.id });
		expect(isCertificateValid(certificate!, new Date())).toBe(true);
		// The organisation's booking stays, under the pseudonym; the chat is gone; audit rows keep their actor.
		expect(
			await db.selectFrom('bookings').select('user_id').where('id', '=', person.booking.id).executeTakeFirst()
		).toEqual({ user_id: person.user.id });
		expect(
			await db.selectFrom('ir_chat_messages').select('id').where('user_id', '=', person.user.id).execute()
		).toEqual([]);
		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'data'])
			.where('entity_id', '=', person.user.id)
			.where('action', '=', 'user.deleted')
			.executeTakeFirstOrThrow();
		expect(audit.data).toMatchObject({ removed: { sessions: 2, ir_chat_messages: 1, memberships: 1 } });
		const member = await db
			.selectFrom('audit_log')
			.select('data')
			.where('action', '=', 'org.member_added')
			.where('entity_id', '=', person.org.id)
			.executeTakeFirstOrThrow();
		expect(member.data).toEqual({ email: pseudonym.email, name: pseudonym.name });
		// No way back in: the session is gone and the old password does not sign in.
		expect((await validateSessionToken(db, signedIn.token)).session).toBeNull();
		await expect(authService.signIn(db, { email: person.email, password: TEST_PASSWORD }, context())).rejects.toThrow();
		// Deleting twice is refused.
		await expect(deleteAccount(db, person.user.id, TEST_PASSWORD, null)).rejects.toThrow();
	});

	it('keeps another person’s booking of the same organisation untouched', async () => {
		const person = await createPersonWithHistory(db);
		const colleague = await createUser(db);
		await addMember(db, person.org.id, colleague.id, 'member');
		const theirs = await addBooking(db, colleague.id, person.org.id, 'Colleague booking');
		await deleteAccount(db, person.user.id, TEST_PASSWORD, null);
		expect(
			await db.selectFrom('bookings').select(['user_id', 'purpose']).where('id', '=', theirs.id).executeTakeFirst()
		).toEqual({ user_id: colleague.id, purpose: 'Colleague booking' });
	});
});
