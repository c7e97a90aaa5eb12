// The operator console end to end: verification, outbox, audit filter, access control, accessibility.
// Selectors avoid UI text where they can: the demo operator reads the portal in Korean.
import { test, expect, type Page } from '@playwright/test';
import { demo, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

// The seed's pending organisation that no other test relies on (onboarding.e2e.ts needs cognify-health pending).
const PENDING_ORG = 'BioLoop Sensors';

// Sign-in is rate limited per IP across the whole suite, so the operator signs in once for this file.
test.describe.configure({ mode: 'serial' });

let operator: Page;

test.beforeAll(async ({ browser }) => {
	operator = await pageAs(browser, demo.operator);
});

test.afterAll(async () => {
	await operator?.context().close();
});

test('the operator verifies a pending organisation and it leaves the pending list', async () => {
	await operator.goto('/admin');
	const pending = operator.locator('[data-testid=pending-orgs] article');
	await expect(pending.first()).toBeVisible();
	const card = pending.filter({ hasText: PENDING_ORG });
	await expect(card).toHaveCount(1);

	// A rejection needs a reason: the form answers with a field error and the organisation stays pending.
	await card.locator('form[action="?/reject"] button[type=submit]').click();
	await expect(card.locator('textarea[name=reason]')).toHaveAttribute('aria-invalid', 'true');

	await card.locator('form[action="?/verify"] button[type=submit]').click();
	await expect(operator.locator('main [role=status]').first()).toBeVisible();
	await expect(pending.filter({ hasText: PENDING_ORG })).toHaveCount(0);
});

test('the outbox lists the e-mails the portal sent, with readable bodies', async () => {
	await operator.goto('/admin/outbox');
	await expect(operator.locator('main table')).toBeVisible();
	const details = operator.locator('main table details').first();
	await details.locator('summary').click();
	await expect(details.locator('pre')).toBeVisible();
	await expect(details.locator('pre a[href^="http"]').first()).toBeVisible();
});

test('the audit log filters by entity type and shows the verification', async () => {
	await operator.goto('/admin/audit');
	await operator.locator('select[name=type]').selectOption('organization');
	await operator.locator('main form[method=GET] button[type=submit]').click();
	await operator.waitForURL(/[?&]type=organization/);
	await expect(operator.locator('select[name=type]')).toHaveValue('organization');
	await expect(operator.locator('main table code', { hasText: 'organization.verified' }).first()).toBeVisible();
});

test('a bad date in the audit filter is ignored with a message, not an error', async () => {
	const response = await operator.goto('/admin/audit?from=2026-02-30&type=organization');
	expect(response?.status()).toBe(200);
	await expect(operator.locator('main [role=status]').first()).toBeVisible();
	await expect(operator.locator('input[name=from]')).toHaveAttribute('aria-invalid', 'true');
});

for (const path of ['/admin', '/admin/users', '/admin/audit', '/admin/outbox', '/notifications']) {
	test(`${path} has no WCAG 2.1 AA violations and fits a 360 px screen`, async () => {
		await operator.setViewportSize({ width: 1280, height: 900 });
		await operator.goto(path);
		await expectNoAxeViolations(operator);

		await operator.setViewportSize({ width: 360, height: 740 });
		const overflow = await operator.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, `horizontal overflow on ${path} at 360 px`).toBeLessThanOrEqual(0);
	});
}

test('a member who is not an operator gets 403 from the console', async ({ browser }) => {
	const member = await pageAs(browser, demo.startup);
	try {
		for (const path of ['/admin', '/admin/users', '/admin/audit', '/admin/outbox']) {
			const response = await member.goto(path);
			expect(response?.status(), path).toBe(403);
		}
	} finally {
		await member.context().close();
	}
});
