// Issue #16 part A: TOTP (window, replay, recovery codes, throttle), the second step of a sign-in,
// operators refused on every /admin load and action without a second factor, organisations that
// require one, and the new-device e-mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { generateHOTP } from '@oslojs/otp';
import type { Database } from '$lib/server/db/connect';
import type { DB } from '$lib/server/db';
import * as authService from '$lib/server/auth/service';
import { createSession, validateSessionToken } from '$lib/server/auth/session';
import { disableTotp, enableTotp, verifyRecoveryCodeSignIn, verifyTotpSignIn } from '$lib/server/auth/two-factor';
import { decodeTotpKey, encodeTotpKey, generateTotpKey, totpStepAt } from '$lib/server/auth/totp';
import { secondFactorGate } from '$lib/server/auth/second-factor-gate';
import { InvalidCodeError } from '$lib/server/auth/errors';
import { RateLimitedError } from '$lib/server/errors';
import { noteSignInDevice } from '$lib/server/auth/new-device';
import { setOrgRequiresTwoFactor } from '$lib/server/auth/org-rule';
import { NotOrgAdminError } from '$lib/server/orgs/errors';
import { handleAuth } from '$lib/server/auth/http-handle';
import { closeRuntimeDatabase, openRuntimeDatabase } from './support/runtime-database';
import {
	addMember,
	createOperator,
	createOrganization,
	createSignedInLocals,
	createSignedInOperator,
	createUser,
	TEST_PASSWORD
} from '../factories';

const ORIGIN = 'http://127.0.0.1:3000';
let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await openRuntimeDatabase();
	db = database.db;
});
afterAll(() => closeRuntimeDatabase(database));

const T0 = new Date('2026-12-05T01:00:05Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const codeAt = (key: Uint8Array, when: Date) => generateHOTP(key, BigInt(totpStepAt(when)), 6);

/** A user with TOTP on (enrolled at T0) and a sign-in that still owes its second step. */
async function enrolledUser() {
	const user = await createUser(db);
	const key = generateTotpKey();
	const recoveryCodes = await enableTotp(
		db,
		{ userId: user.id, sessionId: null, key: encodeTotpKey(key), code: codeAt(key, T0) },
		null,
		T0
	);
	const { session, token } = await createSession(db, user.id);
	return { user, key, recoveryCodes, session, token };
}

describe('TOTP', () => {
	it('accepts codes one step either side of now, and each step only once', async () => {
		const { user, key, session } = await enrolledUser();
		const sign = (code: string, when: Date) =>
			verifyTotpSignIn(db, { userId: user.id, sessionId: session.id, code }, when);
		// The enrolment code itself (step of T0) is spent.
		await expect(sign(codeAt(key, T0), at(10))).rejects.toBeInstanceOf(InvalidCodeError);
		// Two steps late is outside the window.
		await expect(sign(codeAt(key, at(30)), at(100))).rejects.toBeInstanceOf(InvalidCodeError);
		// The next step, sent a little early (clock drift), passes; sending it again is a replay.
		await sign(codeAt(key, at(30)), at(10));
		await expect(sign(codeAt(key, at(30)), at(35))).rejects.toBeInstanceOf(InvalidCodeError);
		// A code of an earlier step than the last one used is refused too, though inside the window.
		await expect(sign(codeAt(key, T0), at(35))).rejects.toBeInstanceOf(InvalidCodeError);
		await sign(codeAt(key, at(60)), at(60));
		expect(
			(
				await db
					.selectFrom('sessions')
					.select('two_factor_verified')
					.where('id', '=', session.id)
					.executeTakeFirstOrThrow()
			).two_factor_verified
		).toBe(true);
	});

	it('leaves the session pending until the second step, and marks it passed after', async () => {
		const { user, key, session, token } = await enrolledUser();
		const before = await validateSessionToken(db, token);
		expect(before.twoFactor).toEqual({ enrolled: true, requiredByOrg: false });
		expect(before.session?.twoFactorVerified).toBe(false);
		expect(
			secondFactorGate({
				pathname: '/testbed',
				session: before.session!,
				twoFactor: before.twoFactor!,
				isOperator: false
			})
		).toBe('pending');
		await verifyTotpSignIn(db, { userId: user.id, sessionId: session.id, code: codeAt(key, at(30)) }, at(30));
		const after = await validateSessionToken(db, token);
		expect(after.session?.twoFactorVerified).toBe(true);
		expect(
			secondFactorGate({
				pathname: '/testbed',
				session: after.session!,
				twoFactor: after.twoFactor!,
				isOperator: false
			})
		).toBe('pass');
	});

	it('refuses to enrol with a wrong code and stores nothing', async () => {
		const user = await createUser(db);
		const key = generateTotpKey();
		const wrong = codeAt(key, at(-300));
		await expect(
			enableTotp(db, { userId: user.id, sessionId: null, key: encodeTotpKey(key), code: wrong }, null, T0)
		).rejects.toBeInstanceOf(InvalidCodeError);
		const row = await db
			.selectFrom('users')
			.select(['totp_key', 'totp_enabled_at'])
			.where('id', '=', user.id)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ totp_key: null, totp_enabled_at: null });
		expect(await db.selectFrom('recovery_codes').select('id').where('user_id', '=', user.id).execute()).toHaveLength(0);
	});

	it('is turned off only with a fresh code', async () => {
		const { user, key } = await enrolledUser();
		await expect(disableTotp(db, { userId: user.id, code: codeAt(key, T0) }, null, at(5))).rejects.toBeInstanceOf(
			InvalidCodeError
		);
		await disableTotp(db, { userId: user.id, code: codeAt(key, at(30)) }, null, at(30));
		const row = await db
			.selectFrom('users')
			.select(['totp_key', 'totp_enabled_at'])
			.where('id', '=', user.id)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ totp_key: null, totp_enabled_at: null });
		expect(await db.selectFrom('recovery_codes').select('id').where('user_id', '=', user.id).execute()).toHaveLength(0);
	});

	it('throttles code attempts per account, even a right code past the limit', async () => {
		const { user, key, session } = await enrolledUser();
		for (let i = 0; i < 5; i++) {
			await expect(
				verifyTotpSignIn(db, { userId: user.id, sessionId: session.id, code: '000000' }, at(30))
			).rejects.toBeInstanceOf(InvalidCodeError);
		}
		await expect(
			verifyTotpSignIn(db, { userId: user.id, sessionId: session.id, code: codeAt(key, at(30)) }, at(30))
		).rejects.toBeInstanceOf(RateLimitedError);
		// Recovery codes share the allowance: they cannot be used to keep guessing.
		const recovery = verifyRecoveryCodeSignIn(
			db,
			{ userId: user.id, sessionId: session.id, code: 'aaaa-bbbb-cccc' },
			null,
			at(30)
		);
		await expect(recovery).rejects.toBeInstanceOf(RateLimitedError);
	});
});

describe('recovery codes', () => {
	it('are ten, stored hashed, and each works once', async () => {
		const { user, recoveryCodes, session } = await enrolledUser();
		expect(recoveryCodes).toHaveLength(10);
		expect(new Set(recoveryCodes).size).toBe(10);
		const stored = await db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', user.id).execute();
		const storedText = stored.map((row) => Buffer.from(row.code_hash).toString('utf8')).join(' ');
		for (const code of recoveryCodes) expect(storedText).not.toContain(code.replace(/-/g, ''));
		// Typed without dashes and in capitals it is the same code.
		await verifyRecoveryCodeSignIn(
			db,
			{ userId: user.id, sessionId: session.id, code: recoveryCodes[3].replace(/-/g, '').toUpperCase() },
			null
		);
		await expect(
			verifyRecoveryCodeSignIn(db, { userId: user.id, sessionId: session.id, code: recoveryCodes[3] }, null)
		).rejects.toBeInstanceOf(InvalidCodeError);
		// Someone else's code is no code at all.
		const other = await enrolledUser();
		await expect(
			verifyRecoveryCodeSignIn(db, { userId: user.id, sessionId: session.id, code: other.recoveryCodes[0] }, null)
		).rejects.toBeInstanceOf(InvalidCodeError);
	});
});

describe('the demo operator key', () => {
	it('is a valid 20-byte key', async () => {
		const { DEMO_OPERATOR_TOTP_KEY } = await import('$lib/server/seed/demo-accounts');
		expect(decodeTotpKey(DEMO_OPERATOR_TOTP_KEY)).toHaveLength(20);
	});
});

describe('password sign-in with TOTP on', () => {
	it('asks for the second step, and starts the session unverified', async () => {
		const { user } = await enrolledUser();
		const result = await authService.signIn(
			db,
			{ email: user.email, password: TEST_PASSWORD },
			{ ip: '198.51.100.7', userAgent: 'test', origin: ORIGIN }
		);
		expect(result.needsSecondStep).toBe(true);
		expect(result.session.twoFactorVerified).toBe(false);
	});
});

type RouteModule = { load?: (event: never) => unknown; actions?: Record<string, (event: never) => unknown> };
const adminModules = import.meta.glob<RouteModule>('../../src/routes/admin/**/+{page,layout}.server.ts', {
	eager: true
});

/** What a load or action answers: a redirect's location, an error's status, or 'ran'. */
async function outcome(run: () => unknown): Promise<string> {
	try {
		await run();
		return 'ran';
	} catch (thrown) {
		if (thrown && typeof thrown === 'object' && 'location' in thrown) return `redirect ${String(thrown.location)}`;
		if (thrown && typeof thrown === 'object' && 'status' in thrown) return `status ${String(thrown.status)}`;
		throw thrown;
	}
}

function adminEvent(method: 'GET' | 'POST', path: string, locals: Record<string, unknown>, body?: URLSearchParams) {
	const url = new URL(path, ORIGIN);
	const request = new Request(
		url,
		body ? { method, body, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : { method }
	);
	const cookies = { set: () => {}, delete: () => {}, get: () => undefined, getAll: () => [] };
	return {
		url,
		request,
		cookies,
		params: {},
		route: { id: path },
		setHeaders: () => {},
		locals: { locale: 'en', timeZone: 'Asia/Seoul', ...locals },
		getClientAddress: () => '192.0.2.9'
	} as never;
}

describe('operators without a second factor', () => {
	it('are refused by every /admin load and action (and nothing is written)', async () => {
		const operator = await createOperator(db);
		const { locals } = await createSignedInLocals(db, operator, { twoFactorVerified: false });
		const pending = await createOrganization(db, { status: 'pending' });
		const files = Object.keys(adminModules);
		expect(files.length).toBeGreaterThanOrEqual(5);
		let checked = 0;
		for (const [file, module] of Object.entries(adminModules)) {
			const path = file.replace('../../src/routes', '').replace(/\/\+(page|layout)\.server\.ts$/, '') || '/admin';
			if (module.load) {
				expect(await outcome(() => module.load!(adminEvent('GET', path, locals))), `${file} load`).toBe(
					'redirect /settings/security?required=1'
				);
				checked++;
			}
			for (const [name, action] of Object.entries(module.actions ?? {})) {
				const body = new URLSearchParams({
					orgId: pending.id,
					userId: operator.id,
					reason: 'test',
					slug: 'x',
					label_ko: 'x',
					label_en: 'x',
					kind: 'capability'
				});
				expect(
					await outcome(() => action(adminEvent('POST', `${path}?/${name}`, locals, body))),
					`${file} action ${name}`
				).toBe('status 403');
				checked++;
			}
		}
		expect(checked).toBeGreaterThanOrEqual(8);
		const org = await db
			.selectFrom('organizations')
			.select('status')
			.where('id', '=', pending.id)
			.executeTakeFirstOrThrow();
		expect(org.status).toBe('pending');
	});

	it('reach /admin once their session passed a second factor', async () => {
		const { locals } = await createSignedInOperator(db);
		const audit = adminModules['../../src/routes/admin/audit/+page.server.ts'];
		expect(await outcome(() => audit.load!(adminEvent('GET', '/admin/audit', locals)))).toBe('ran');
	});

	it('are refused by the hooks before any /admin route runs: a form action POST gets 403, a page a redirect', async () => {
		const operator = await createOperator(db);
		const { token } = await createSignedInLocals(db, operator, { twoFactorVerified: false });
		const pending = await createOrganization(db, { status: 'pending' });
		let resolved = 0;
		const resolve = async () => {
			resolved++;
			return new Response('ran');
		};
		const hookEvent = (method: string, path: string) => {
			const url = new URL(path, ORIGIN);
			const body = method === 'POST' ? new URLSearchParams({ orgId: pending.id }) : undefined;
			const request = new Request(url, {
				method,
				body,
				headers: { cookie: `mc_session=${token}`, 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN }
			});
			const cookies = {
				get: (name: string) => (name === 'mc_session' ? token : undefined),
				set: () => {},
				delete: () => {},
				getAll: () => []
			};
			return {
				url,
				request,
				cookies,
				locals: {},
				route: { id: '/admin' },
				isRemoteRequest: false,
				setHeaders: () => {},
				getClientAddress: () => '192.0.2.10'
			} as never;
		};
		const post = await handleAuth({ event: hookEvent('POST', '/admin?/verify'), resolve } as never);
		expect(post.status).toBe(403);
		const get = await handleAuth({ event: hookEvent('GET', '/admin/users'), resolve } as never);
		expect(get.status).toBe(303);
		expect(get.headers.get('location')).toBe('/settings/security?required=1');
		expect(resolved).toBe(0);
		// The same session may still set up its second factor, and use the rest of the portal.
		expect((await handleAuth({ event: hookEvent('GET', '/settings/security'), resolve } as never)).status).toBe(200);
		expect(resolved).toBe(1);
		const org = await db
			.selectFrom('organizations')
			.select('status')
			.where('id', '=', pending.id)
			.executeTakeFirstOrThrow();
		expect(org.status).toBe('pending');
	});
});

describe('organisations that require a second factor', () => {
	it('send their members without one to enrol, everywhere but the enrolment page', async () => {
		const member = await createUser(db);
		const org = await createOrganization(db, { require_two_factor: true });
		await addMember(db, org.id, member.id, 'member');
		const { token } = await createSession(db, member.id);
		const { session, twoFactor } = await validateSessionToken(db, token);
		expect(twoFactor).toEqual({ enrolled: false, requiredByOrg: true });
		expect(
			secondFactorGate({ pathname: '/testbed', session: session!, twoFactor: twoFactor!, isOperator: false })
		).toBe('enrol');
		expect(
			secondFactorGate({ pathname: '/settings/security', session: session!, twoFactor: twoFactor!, isOperator: false })
		).toBe('pass');
		expect(secondFactorGate({ pathname: '/logout', session: session!, twoFactor: twoFactor!, isOperator: false })).toBe(
			'pass'
		);
		// Members of organisations without the rule are left alone.
		const other = await createUser(db);
		await addMember(db, (await createOrganization(db)).id, other.id, 'member');
		const second = await validateSessionToken(db, (await createSession(db, other.id)).token);
		expect(
			secondFactorGate({
				pathname: '/testbed',
				session: second.session!,
				twoFactor: second.twoFactor!,
				isOperator: false
			})
		).toBe('pass');
	});
});

describe('the organisation rule', () => {
	it('is set by the organisation’s admins only, and audited', async () => {
		const org = await createOrganization(db);
		const admin = await createUser(db);
		const member = await createUser(db);
		await addMember(db, org.id, admin.id, 'admin');
		await addMember(db, org.id, member.id, 'member');
		await expect(
			setOrgRequiresTwoFactor(db, { id: member.id, isOperator: false }, org.id, true, null)
		).rejects.toBeInstanceOf(NotOrgAdminError);
		const outsider = await createUser(db);
		await expect(
			setOrgRequiresTwoFactor(db, { id: outsider.id, isOperator: false }, org.id, true, null)
		).rejects.toBeInstanceOf(NotOrgAdminError);
		expect(
			(
				await db
					.selectFrom('organizations')
					.select('require_two_factor')
					.where('id', '=', org.id)
					.executeTakeFirstOrThrow()
			).require_two_factor
		).toBe(false);
		await setOrgRequiresTwoFactor(db, { id: admin.id, isOperator: false }, org.id, true, null);
		expect(
			(
				await db
					.selectFrom('organizations')
					.select('require_two_factor')
					.where('id', '=', org.id)
					.executeTakeFirstOrThrow()
			).require_two_factor
		).toBe(true);
		const audit = await db
			.selectFrom('audit_log')
			.select('action')
			.where('entity_id', '=', org.id)
			.where('action', '=', 'organization.two_factor_rule')
			.execute();
		expect(audit).toHaveLength(1);
		const { twoFactor } = await validateSessionToken(db, (await createSession(db, member.id)).token);
		expect(twoFactor?.requiredByOrg).toBe(true);
	});
});

describe('new-device e-mails', () => {
	const chrome =
		'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
	const iphone =
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
	const mails = (to: string) =>
		db.selectFrom('email_outbox').select(['subject', 'body_text']).where('to_address', '=', to).execute();

	it('go out for a device not seen before, in the user’s language, not for the first or a known one', async () => {
		const user = await createUser(db, { locale: 'ko' });
		const context = (userAgent: string) => ({ userAgent, ip: '203.0.113.5', origin: ORIGIN });
		expect(await noteSignInDevice(db, user, context(chrome))).toEqual({ newDevice: false });
		expect(await noteSignInDevice(db, user, context(chrome))).toEqual({ newDevice: false });
		expect(await mails(user.email)).toHaveLength(0);
		expect(await noteSignInDevice(db, user, context(iphone))).toEqual({ newDevice: true });
		const sent = await mails(user.email);
		expect(sent).toHaveLength(1);
		expect(sent[0].subject).toContain('새 기기');
		expect(sent[0].subject).toContain('Safari · iPhone');
		expect(sent[0].body_text).toContain('203.0.113.5');
		expect(await noteSignInDevice(db, user, context(iphone))).toEqual({ newDevice: false });
		expect(await mails(user.email)).toHaveLength(1);
	});

	it('are sent by a password sign-in from a new device', async () => {
		const user = await createUser(db);
		const signIn = (userAgent: string) =>
			authService.signIn(
				db,
				{ email: user.email, password: TEST_PASSWORD },
				{ ip: '198.51.100.8', userAgent, origin: ORIGIN }
			);
		await signIn(chrome);
		await signIn(iphone);
		const sent = await mails(user.email);
		expect(sent).toHaveLength(1);
		expect(sent[0].subject).toContain('New sign-in');
	});
});
