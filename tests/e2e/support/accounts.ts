// Sign-in and mailbox helpers for end-to-end tests, driving the portal as a person would.
import { expect, type Browser, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'medcluster-demo-2026';

export const demo = {
	operator: 'operator@medcluster.example',
	startup: 'startup@medcluster.example',
	startupAdmin: 'startup-admin@medcluster.example',
	investor: 'investor@medcluster.example',
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

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
	await gotoReady(page, '/login');
	await page.locator('input[name=email]').fill(email);
	await page.locator('input[name=password]').fill(password);
	await Promise.all([
		page.waitForURL((url) => !url.pathname.startsWith('/login')),
		page.locator('main form button[type=submit]').click()
	]);
}

/** Ticks the required consent of the sign-up form (PIPA); optional purposes stay unticked unless asked. */
export async function acceptSignUpConsents(page: Page, optional: { marketing?: boolean; listing?: boolean } = {}): Promise<void> {
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
