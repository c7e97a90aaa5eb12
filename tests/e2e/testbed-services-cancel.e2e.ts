// Testing services, attachments and cancelling end to end: a startup member sends a request with a PDF
// attachment that the facility manager downloads (a stranger gets 404), adds another file later, then
// cancels the request with a reason after a confirmation step; the facility declines another request.
// axe on every new state (attachments listed, the confirmation open, cancelled, declined, the lists).
import { expect, test, type Page } from '@playwright/test';
import { demo, gotoReady, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

const pdf = (title: string) =>
	Buffer.from(
		`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${title}\ntrailer<</Root 1 0 R>>\n%%EOF\n`
	);

/** The member fills the request form for the Wonju IoMT Open Lab and sends it; answers the request's path. */
async function sendRequest(member: Page, notes: string, attach = false): Promise<string> {
	await gotoReady(member, '/testbed/services/new');
	const facility = member.locator('select[name=facilityId]');
	const lab = (await facility.locator('option').allTextContents()).find((t) => /원주|Wonju/.test(t));
	await facility.selectOption({ label: lab! });
	await member.locator('select[name=standard]').selectOption('iso_10993');
	await member.locator('input[name=sampleCount]').fill('3');
	await member.locator('[name=notes]').fill(notes);
	if (attach)
		await member
			.locator('input[name=attachments]')
			.setInputFiles({ name: '시료 사양서.pdf', mimeType: 'application/pdf', buffer: pdf('spec') });
	await member.locator('main form.card button[type=submit]').click();
	await expect(member).toHaveURL(/\/testbed\/services\/[0-9a-f-]{36}$/);
	return new URL(member.url()).pathname;
}

test('a request with a PDF attachment: the manager downloads it, the requester adds one and cancels', async ({
	browser
}) => {
	const member = await pageAs(browser, demo.startup);
	const manager = await pageAs(browser, demo.facility);
	const stranger = await pageAs(browser, demo.hospital);

	// A non-PDF is refused with a message, and no request is made.
	await gotoReady(member, '/testbed/services/new');
	const facility = member.locator('select[name=facilityId]');
	const lab = (await facility.locator('option').allTextContents()).find((t) => /원주|Wonju/.test(t));
	await facility.selectOption({ label: lab! });
	await member.locator('select[name=standard]').selectOption('iso_10993');
	await member
		.locator('input[name=attachments]')
		.setInputFiles({ name: 'photo.pdf', mimeType: 'application/pdf', buffer: Buffer.from('GIF89a not a pdf') });
	await member.locator('main form.card button[type=submit]').click();
	await expect(member.locator('main [role=alert], main .alert').first()).toContainText(/PDF/);
	await expect(member).toHaveURL(/\/testbed\/services\/new/);

	const path = await sendRequest(member, '생체적합성 세포독성 시험', true);
	const attachment = member.locator('main a[href*="/attachments/"]');
	await expect(attachment).toHaveText('시료 사양서.pdf');
	await expectNoAxeViolations(member);

	// The facility manager downloads it; a stranger gets 404 for the file and the page.
	await gotoReady(manager, path);
	const href = (await manager.locator('main a[href*="/attachments/"]').getAttribute('href'))!;
	const file = await manager.request.get(href);
	expect(file.status()).toBe(200);
	expect(file.headers()['content-type']).toContain('application/pdf');
	expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
	expect((await stranger.request.get(href)).status()).toBe(404);
	expect((await stranger.goto(path))?.status()).toBe(404);
	// The manager does not add files to someone else's request.
	await expect(manager.locator('form[action="?/attach"]')).toHaveCount(0);

	// The requester adds a second file later.
	await member
		.locator('#attachments')
		.setInputFiles({ name: 'drawing.pdf', mimeType: 'application/pdf', buffer: pdf('d') });
	await member.locator('form[action="?/attach"] button[type=submit]').click();
	await expect(member.locator('main a[href*="/attachments/"]')).toHaveCount(2);

	// Cancelling takes a confirmation step with an optional reason.
	const confirm = member.locator('form[action="?/cancel"] button[type=submit]');
	await expect(confirm).toBeHidden();
	await member.locator('details.cancel-zone summary').click();
	await expect(confirm).toBeVisible();
	await expectNoAxeViolations(member);
	await member.locator('#cancel-reason').fill('예산 일정 변경');
	await confirm.click();
	await expect(member.getByTestId('tsvc-cancelled')).toBeVisible();
	await expect(member.locator('main')).toContainText('예산 일정 변경');
	await expect(member.locator('details.cancel-zone')).toHaveCount(0);
	await expect(member.locator('form[action="?/attach"]')).toHaveCount(0);
	await expectNoAxeViolations(member);

	// Both lists show it as cancelled; the manager can no longer quote it.
	await gotoReady(member, '/testbed/services');
	await expect(member.locator(`li:has(a[href="${path}"]) .badge`)).toBeVisible();
	await expectNoAxeViolations(member);
	await gotoReady(manager, '/testbed/services');
	await expect(manager.locator(`li:has(a[href="${path}"]) .badge`)).toBeVisible();
	await gotoReady(manager, path);
	await expect(manager.getByTestId('tsvc-cancelled')).toBeVisible();
	await expect(manager.locator('form[action="?/quote"]')).toHaveCount(0);
});

test('the facility manager declines a new request with a reason; the requester sees it', async ({ browser }) => {
	const member = await pageAs(browser, demo.startup);
	const manager = await pageAs(browser, demo.facility);
	const path = await sendRequest(member, '일정 확인 요청');

	await gotoReady(manager, path);
	await manager.locator('details.cancel-zone summary').click();
	await manager.locator('#cancel-reason').fill('이번 달 장비 점검으로 불가');
	await manager.locator('form[action="?/cancel"] button[type=submit]').click();
	await expect(manager.getByTestId('tsvc-cancelled')).toBeVisible();
	await expectNoAxeViolations(manager);

	await gotoReady(member, path);
	await expect(member.getByTestId('tsvc-cancelled')).toBeVisible();
	await expect(member.locator('main')).toContainText('이번 달 장비 점검으로 불가');
	await expect(member.locator('details.cancel-zone')).toHaveCount(0);
	await expectNoAxeViolations(member);
});
