// Issue #16 part A in the browser: enrol TOTP, sign in again with password + code and with a recovery
// code; register a passkey with Chromium's virtual authenticator, sign in with it alone, and pass the
// second step of a password sign-in with it; axe on the new pages.
import { expect, test, type Page } from '@playwright/test';
import { generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { acceptSignUpConsents, enterTotpCode, gotoReady, uniqueEmail } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

const PASSWORD = 'a long enough password';

async function signUp(page: Page, email: string) {
	await gotoReady(page, '/signup');
	await page.getByLabel(/^(이름|Name)$/).fill('이보안');
	await page.locator('input[name=email]').fill(email);
	await page.locator('input[name=password]').fill(PASSWORD);
	await acceptSignUpConsents(page);
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(/\/verify-email$/, { timeout: 30_000 });
}

async function signOut(page: Page) {
	await page.locator('header form[action="/logout"] button').click();
	await expect(page.locator('header a[href^="/login"]').first()).toBeVisible();
}

async function submitPassword(page: Page, email: string) {
	await gotoReady(page, '/login');
	await page.locator('input[name=email]').fill(email);
	await page.locator('input[name=password]').fill(PASSWORD);
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(/\/login\/two-factor$/, { timeout: 30_000 });
	await page.locator('body[data-hydrated="true"]').waitFor();
}

test('TOTP: enrol, then sign in with password + code, then with a recovery code once', async ({ page }) => {
	test.setTimeout(180_000);
	const email = uniqueEmail('totp');
	await signUp(page, email);
	await gotoReady(page, '/settings/security');
	await expectNoAxeViolations(page);
	const key = (await page.locator('[data-testid=totp-key]').innerText()).replace(/\s+/g, '');
	const code = generateHOTP(decodeBase32IgnorePadding(key), BigInt(Math.floor(Date.now() / 30_000)), 6);
	await page.locator('#field-enable-code').fill(code);
	await page.locator('form[action="?/enableTotp"] button[type=submit]').click();
	const codes = page.locator('[data-testid=recovery-codes] code');
	await expect(codes).toHaveCount(10, { timeout: 30_000 });
	const recoveryCode = await codes.nth(0).innerText();
	await expect(page.locator('[data-testid=totp-status]')).toBeVisible();
	await expectNoAxeViolations(page);
	await signOut(page);

	// A password alone does not sign in: the session waits for its code, and pages treat it as signed out.
	await submitPassword(page, email);
	await expectNoAxeViolations(page);
	const blocked = await page.request.get('/settings/security', { maxRedirects: 0 });
	expect(blocked.status()).toBe(303);
	// A wrong code is refused with a message; the right one signs in.
	await page.locator('input[name=code]').fill('000000');
	await page.locator('form[action="?/totp"] button[type=submit]').click();
	await expect(page.locator('main [role=alert]')).toBeVisible();
	await enterTotpCode(page, key);
	await gotoReady(page, '/settings/security');
	await expect(page.locator('[data-testid=sessions]')).toContainText(/완료|Passed/);
	await signOut(page);

	// A recovery code works once.
	await submitPassword(page, email);
	await page.locator('input[name=recoveryCode]').fill(recoveryCode);
	await page.locator('form[action="?/recovery"] button[type=submit]').click();
	await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
	await signOut(page);
	await submitPassword(page, email);
	await page.locator('input[name=recoveryCode]').fill(recoveryCode);
	await page.locator('form[action="?/recovery"] button[type=submit]').click();
	await expect(page.locator('main [role=alert]')).toContainText(/이미 사용|already used/);
	await expect(page).toHaveURL(/\/login\/two-factor$/);
});

test('a passkey from a virtual authenticator is registered and signs in alone', async ({ browser, baseURL }) => {
	test.setTimeout(120_000);
	// WebAuthn needs a domain for the relying party id: the same server, reached as localhost.
	const origin = new URL(baseURL!);
	origin.hostname = 'localhost';
	const context = await browser.newContext({ baseURL: origin.origin });
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('WebAuthn.enable');
	const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
		options: {
			protocol: 'ctap2',
			transport: 'internal',
			hasResidentKey: true,
			hasUserVerification: true,
			isUserVerified: true,
			automaticPresenceSimulation: true
		}
	});

	const email = uniqueEmail('passkey');
	await signUp(page, email);
	await gotoReady(page, '/settings/security');
	await page.locator('#field-passkey-name').fill('E2E 노트북');
	await page.getByRole('button', { name: /패스키 추가|Add a passkey/ }).click();
	await expect(page.locator('[data-testid=passkeys]')).toContainText('E2E 노트북', { timeout: 30_000 });
	await expectNoAxeViolations(page);
	await signOut(page);

	await gotoReady(page, '/login');
	await page.getByRole('button', { name: /패스키로 로그인|Sign in with a passkey/ }).click();
	await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
	await gotoReady(page, '/settings/security');
	// The passkey counted as two factors, and its use is recorded.
	const current = page.locator('[data-testid=sessions] tr', { hasText: /현재 기기|This device/ });
	await expect(current).toContainText(/완료|Passed/);
	await expect(page.locator('[data-testid=passkeys]')).not.toContainText(/아직 없음|Not yet/);
	await signOut(page);

	// A password alone is not enough for an account with a passkey: the second step asks for the
	// passkey (there is no TOTP, so no code field), and only a verified passkey passes it.
	await submitPassword(page, email);
	const step = page.locator('[data-testid=second-step-passkey]');
	await expect(step).toBeVisible();
	await expect(page.locator('input[name=code]')).toHaveCount(0);
	await expectNoAxeViolations(page);
	expect((await page.request.get('/settings/security', { maxRedirects: 0 })).status()).toBe(303);
	await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false });
	await step.getByRole('button', { name: /패스키로 확인|Confirm with a passkey/ }).click();
	await expect(step.locator('[role=alert]')).toBeVisible({ timeout: 30_000 });
	await expect(page).toHaveURL(/\/login\/two-factor$/);
	await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: true });
	// From the keyboard: the focused button is pressed with Enter.
	await step.getByRole('button', { name: /패스키로 확인|Confirm with a passkey/ }).focus();
	await page.keyboard.press('Enter');
	await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
	await gotoReady(page, '/settings/security');
	await expect(page.locator('[data-testid=sessions] tr', { hasText: /현재 기기|This device/ })).toContainText(
		/완료|Passed/
	);
	await context.close();
});
