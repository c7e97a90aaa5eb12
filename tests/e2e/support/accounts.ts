// Sign-in and mailbox helpers for end-to-end tests, driving the portal as a person would.
import { expect, type Browser, type Page } from '@playwright/test';
import { generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { DEMO_OPERATOR_TOTP_KEY } from '../../../src/lib/server/seed/demo-accounts';

export const DEMO_PASSWORD = 'medcluster-demo-2026';

export const demo = {
	operator: 'operator@medcluster.example',
	startup: 'startup@medcluster.example',
	startupAdmin: 'startup-admin@medcluster.example',
	investor: 'investor@medcluster.example',
	investorAdmin: 'investor-admin@medcluster.example',
	hospital: 'hospital@medcluster.example',
	facility: 'facility@medcluster.example',
	pending: 'pending@medcluster.example'
} as const;

export function uniqueEmail(prefix: string): string {
	return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.example`;
}

/** Navigates and waits until the page is hydrated, so typing is never undone by hydration. */
export async function gotoReady(page: Page, path: string) {
	const response = await page.goto(path);
	await page.locator('body[data-hydrated="true"]').waitFor();
	return response;
}

/** TOTP keys (base32) of the accounts that have one: the demo operator's is printed in the README. */
const TOTP_KEYS: Record<string, string> = { [demo.operator]: DEMO_OPERATOR_TOTP_KEY };

const currentStep = () => Math.floor(Date.now() / 30_000);

/**
 * The second step of a sign-in: types the code of the current 30-second step. Each step is accepted
 * once per account, and parallel workers sign in as the operator too, so a refused code is followed
 * by the next step's (the server takes one step of drift), waiting for the clock if it must.
 */
export async function enterTotpCode(page: Page, base32Key: string): Promise<void> {
	const key = decodeBase32IgnorePadding(base32Key);
	const deadline = Date.now() + 120_000;
	let step = currentStep();
	while (Date.now() < deadline) {
		if (step > currentStep() + 1) {
			await expect.poll(() => currentStep() + 1 >= step, { timeout: 40_000, intervals: [250] }).toBe(true);
		}
		step = Math.max(step, currentStep());
		await page.locator('input[name=code]').fill(generateHOTP(key, BigInt(step), 6));
		const answer = page.waitForResponse(
			(r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login/two-factor'
		);
		await page.locator('form[action="?/totp"] button[type=submit]').click();
		const result = (await (await answer).json()) as { type: string };
		if (result.type === 'redirect') {
			await page.waitForURL((url) => !url.pathname.startsWith('/login'));
			return;
		}
		step += 1;
	}
	throw new Error('No TOTP code was accepted in time');
}

export async function signIn(
	page: Page,
	email: string,
	password = DEMO_PASSWORD,
	totpKey = TOTP_KEYS[email]
): Promise<void> {
	await gotoReady(page, '/login');
	await page.locator('input[name=email]').fill(email);
	await page.locator('input[name=password]').fill(password);
	await Promise.all([
		page.waitForURL((url) => url.pathname !== '/login'),
		page.locator('main form button[type=submit]').first().click()
	]);
	if (new URL(page.url()).pathname !== '/login/two-factor') return;
	if (!totpKey) throw new Error(`${email} has two-step verification on, and the test gave no TOTP key`);
	await page.locator('body[data-hydrated="true"]').waitFor();
	await enterTotpCode(page, totpKey);
}

/** Ticks the required consent of the sign-up form (PIPA); optional purposes stay unticked unless asked. */
export async function acceptSignUpConsents(
	page: Page,
	optional: { marketing?: boolean; listing?: boolean } = {}
): Promise<void> {
	await page.locator('input[name=consent_required]').check();
	if (optional.marketing) await page.locator('input[name=consent_marketing]').check();
	if (optional.listing) await page.locator('input[name=consent_listing]').check();
}

/** A page signed in as `email` in a fresh browser context of its own. */
export async function pageAs(browser: Browser, email: string): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, email);
	return page;
}

/** The newest link to `pathPrefix` in the e-mails the outbox holds for `to`, read by the operator. */
export async function readMailLink(operator: Page, to: string, pathPrefix: string): Promise<string> {
	await operator.goto(`/admin/outbox?to=${encodeURIComponent(to)}`);
	const link = operator.locator(`main a[href*="${pathPrefix}"]`).first();
	await expect(link).toBeAttached();
	const href = await link.getAttribute('href');
	if (!href) throw new Error(`No ${pathPrefix} link in the outbox for ${to}`);
	return new URL(href).pathname;
}
