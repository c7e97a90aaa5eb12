// Testing services end to end: a startup member requests a test, the facility manager quotes it, the
// organisation's admin approves, the manager receives the samples, starts and delivers the report, and
// the startup downloads it; a stranger gets 404. axe on every new page.
import { expect, test } from '@playwright/test';
import { demo, gotoReady, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

const REPORT = Buffer.from(
	'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
);

test('request → quote → approval → report download, refused to a stranger', async ({ browser }) => {
	const member = await pageAs(browser, demo.startup);
	const admin = await pageAs(browser, demo.startupAdmin);
	const manager = await pageAs(browser, demo.facility);
	const stranger = await pageAs(browser, demo.hospital);

	// The member's list, then the request form (the Wonju IoMT Open Lab runs the test).
	await gotoReady(member, '/testbed/services');
	await expectNoAxeViolations(member);
	await gotoReady(member, '/testbed/services/new');
	await expectNoAxeViolations(member);
	const facility = member.locator('select[name=facilityId]');
	const lab = (await facility.locator('option').allTextContents()).find((t) => /원주|Wonju/.test(t));
	await facility.selectOption({ label: lab! });
	await member.locator('select[name=standard]').selectOption('iec_62304');
	await member.locator('input[name=sampleCount]').fill('2');
	await member.locator('[name=notes]').fill('SaMD 소프트웨어 수명주기 검토');
	await member.locator('main form.card button[type=submit]').click();
	await expect(member).toHaveURL(/\/testbed\/services\/[0-9a-f-]{36}/);
	const path = new URL(member.url()).pathname;
	await expect(member.getByTestId('tsvc-status')).not.toBeEmpty();
	await expectNoAxeViolations(member);

	// A stranger learns nothing about it.
	expect((await stranger.goto(path))?.status()).toBe(404);

	// The manager quotes one line: 1,000,000 KRW + 10 % VAT.
	await gotoReady(manager, path);
	await expectNoAxeViolations(manager);
	await manager.locator('#label0').fill('IEC 62304 문서 검토');
	await manager.locator('#quantity0').fill('1');
	await manager.locator('#price0').fill('1000000');
	await manager.locator('#turnaroundDays').fill('10');
	await manager.locator('form[action="?/quote"] button[type=submit]').click();
	await expect(manager.getByTestId('tsvc-total')).toContainText('1,100,000');

	// The organisation's admin approves; the member cannot decide.
	await gotoReady(member, path);
	await expect(member.locator('form[action="?/decide"]')).toHaveCount(0);
	await gotoReady(admin, path);
	await admin.locator('form[action="?/decide"] button[value=approve]').click();
	await expect(admin.locator('form[action="?/decide"]')).toHaveCount(0);

	// Samples received, test started, report delivered.
	await gotoReady(manager, path);
	await manager.locator('form[action="?/advance"] button[type=submit]').click();
	await expect(manager.locator('form[action="?/advance"] button[value=start]')).toBeVisible();
	await manager.locator('form[action="?/advance"] button[type=submit]').click();
	await expect(manager.locator('form[action="?/deliver"]')).toBeVisible();
	await manager
		.locator('#report')
		.setInputFiles({ name: '시험성적서.pdf', mimeType: 'application/pdf', buffer: REPORT });
	await manager.locator('form[action="?/deliver"] button[type=submit]').click();
	await expect(manager.locator('form[action="?/deliver"]')).toHaveCount(0);

	// The startup downloads the report; the stranger cannot.
	await gotoReady(member, path);
	const link = member.locator(`a[href$="/report"]`);
	await expect(link).toBeVisible();
	const report = await member.request.get((await link.getAttribute('href'))!);
	expect(report.status()).toBe(200);
	expect(report.headers()['content-type']).toContain('application/pdf');
	expect((await report.body()).subarray(0, 5).toString()).toBe('%PDF-');
	expect((await stranger.request.get((await link.getAttribute('href'))!)).status()).toBe(404);
	await expectNoAxeViolations(member);
});
