// Consent (PIPA): sign-up records the required and each optional consent with the notice version;
// a new notice version asks again; a change of an optional consent is a new row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import * as authService from '$lib/server/auth/service';
import { signUpSchema } from '$lib/server/auth/schemas';
import {
	findCurrentConsents,
	findCurrentNoticeVersion,
	hasCurrentRequiredConsent
} from '$lib/server/privacy/consent-repository';
import {
	publishNotice,
	reconsent,
	recordListingChoice,
	updateOptionalConsents
} from '$lib/server/privacy/consent-service';
import { NoticeVersionTakenError } from '$lib/server/privacy/errors';
import { createTestDatabase } from './support/database';
import { createOperator, TEST_PASSWORD, uniqueEmail, uniqueSuffix } from '../factories';
import { context } from './privacy-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const consentRows = (userId: string) =>
	db
		.selectFrom('privacy_consents')
		.select(['purpose', 'granted', 'notice_version'])
		.where('user_id', '=', userId)
		.orderBy('id')
		.execute();

async function signUp(consent = { marketing_email: false, profile_listing: true }) {
	const { user } = await authService.signUp(
		db,
		{ email: uniqueEmail('consent'), password: TEST_PASSWORD, name: 'Consent Tester', locale: 'ko', consent },
		context()
	);
	return user;
}

describe('sign-up', () => {
	it('refuses a form without the required consent, with a message on that field', () => {
		const base = { name: 'Kim', email: 'kim@example.test', password: TEST_PASSWORD, locale: 'ko' };
		const refused = signUpSchema.safeParse(base);
		expect(refused.success).toBe(false);
		expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['consent_required']);
		expect(signUpSchema.parse({ ...base, consent_required: 'on', consent_listing: 'on' })).toMatchObject({
			consent_marketing: false,
			consent_listing: true
		});
	});

	it('records the required consent and each optional answer against the notice in force, in the sign-up transaction', async () => {
		const version = await findCurrentNoticeVersion(db);
		const user = await signUp({ marketing_email: false, profile_listing: true });
		expect(await consentRows(user.id)).toEqual([
			{ purpose: 'required', granted: true, notice_version: version },
			{ purpose: 'marketing_email', granted: false, notice_version: version },
			{ purpose: 'profile_listing', granted: true, notice_version: version }
		]);
		expect(
			await db.selectFrom('users').select('directory_listed').where('id', '=', user.id).executeTakeFirst()
		).toEqual({ directory_listed: true });
		expect(await hasCurrentRequiredConsent(db, user.id)).toBe(true);
	});

	it('writes no consent when the sign-up fails', async () => {
		const email = uniqueEmail('taken');
		await authService.signUp(
			db,
			{
				email,
				password: TEST_PASSWORD,
				name: 'First',
				locale: 'ko',
				consent: { marketing_email: true, profile_listing: false }
			},
			context()
		);
		const before = await db
			.selectFrom('privacy_consents')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		await expect(
			authService.signUp(
				db,
				{
					email,
					password: TEST_PASSWORD,
					name: 'Second',
					locale: 'ko',
					consent: { marketing_email: true, profile_listing: false }
				},
				context()
			)
		).rejects.toThrow();
		const after = await db
			.selectFrom('privacy_consents')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(after.n)).toBe(Number(before.n));
	});
});

describe('changing consents', () => {
	it('records only the optional consents that changed, and audits the change', async () => {
		const user = await signUp({ marketing_email: false, profile_listing: true });
		expect(await updateOptionalConsents(db, user.id, { marketing_email: false, profile_listing: true }, null)).toEqual(
			[]
		);
		const changed = await updateOptionalConsents(
			db,
			user.id,
			{ marketing_email: true, profile_listing: true },
			'10.0.0.1'
		);
		expect(changed).toEqual([{ purpose: 'marketing_email', granted: true }]);
		expect((await consentRows(user.id)).slice(3)).toEqual([
			{ purpose: 'marketing_email', granted: true, notice_version: await findCurrentNoticeVersion(db) }
		]);
		const current = await findCurrentConsents(db, user.id);
		expect(current.get('marketing_email')?.granted).toBe(true);
		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'ip'])
			.where('entity_id', '=', user.id)
			.where('action', '=', 'privacy.consent_changed')
			.execute();
		expect(audit).toEqual([{ action: 'privacy.consent_changed', ip: '10.0.0.1' }]);
	});

	it('follows the directory box of the profile form as the listing consent', async () => {
		const user = await signUp({ marketing_email: false, profile_listing: true });
		await db.transaction().execute((trx) => recordListingChoice(trx, user.id, true, null));
		expect(await consentRows(user.id)).toHaveLength(3);
		await db.transaction().execute((trx) => recordListingChoice(trx, user.id, false, null));
		expect((await findCurrentConsents(db, user.id)).get('profile_listing')?.granted).toBe(false);
	});
});

describe('a new notice version', () => {
	it('asks signed-in people again; agreeing records the required consent under the new version', async () => {
		const user = await signUp();
		const operator = await createOperator(db);
		expect(await hasCurrentRequiredConsent(db, user.id)).toBe(true);
		const version = `2099-01-${uniqueSuffix()}`;
		await publishNotice(db, operator.id, version, null);
		expect(await findCurrentNoticeVersion(db)).toBe(version);
		expect(await hasCurrentRequiredConsent(db, user.id)).toBe(false);

		await reconsent(db, user.id, { marketing_email: false, profile_listing: false }, null);
		expect(await hasCurrentRequiredConsent(db, user.id)).toBe(true);
		expect((await consentRows(user.id)).slice(3)).toEqual([
			{ purpose: 'required', granted: true, notice_version: version },
			{ purpose: 'profile_listing', granted: false, notice_version: version }
		]);
		await expect(publishNotice(db, operator.id, version, null)).rejects.toBeInstanceOf(NoticeVersionTakenError);
	});
});
