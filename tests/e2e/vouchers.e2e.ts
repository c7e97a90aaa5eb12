// Vouchers end to end: the demo startup books a testbed slot paying with its voucher and sees the
// balance drop, opens its monthly statement, downloads CSV, PDF and its evidence pack; the facility
// manager's statement and the programme report page; axe on every new page.
import { expect, test } from '@playwright/test';
import { demo, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

// Several sign-ins, axe scans and two PDFs each: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 180_000 });

const won = (text: string | null) => Number((text ?? '').replace(/[^0-9]/g, ''));

test('a startup pays a booking with its voucher, then reads its statement and downloads the files', async ({
	browser
}) => {
	const member = await pageAs(browser, demo.startup);
	await member.goto('/vouchers');
	const balance = member.getByTestId('voucher-balance').first();
	await expect(balance).toBeVisible();
	const before = won(await balance.textContent());
	expect(before).toBeGreaterThan(0);
	await expectNoAxeViolations(member);

	// Next week: late in a week, this week may have no bookable time left.
	await member.goto(
		`/testbed/resources/ecg-simulator?week=${new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)}`
	);
	const first = member.getByTestId('free-slots').locator('a').first();
	await expect(first).toBeVisible({ timeout: 15_000 });
	await first.click();
	await expect(member.locator('input[name=time]')).not.toHaveValue('');
	await expect(member.getByTestId('cost-estimate')).toContainText(/15,000/);
	const month = (await member.locator('input[name=date]').inputValue()).slice(0, 7);
	await member.locator('textarea[name=purpose]').fill('바우처 결제 시험 / voucher payment test');
	await member.locator('input[name=pay_with_voucher]').check();
	await member.locator('#book form button[type=submit]').click();
	await expect(member).toHaveURL(/\/testbed\/bookings\/[0-9a-f-]+\?created=1$/, { timeout: 30_000 });

	await member.goto('/vouchers');
	// The shortest length of the ECG simulator is 30 minutes at the member rate of 15,000 an hour.
	await expect
		.poll(async () => won(await member.getByTestId('voucher-balance').first().textContent()))
		.toBe(before - 7_500);

	await member.goto(`/statements/pulsewise?month=${month}`);
	await expect(member.locator('h1')).toBeVisible();
	expect(won(await member.getByTestId('statement-voucher-paid').textContent())).toBeGreaterThanOrEqual(7_500);
	await expectNoAxeViolations(member);
	const csv = await member.request.get(`/statements/pulsewise/statement.csv?month=${month}`);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const csvText = await csv.text();
	expect(csvText).toContain(String(won(await member.getByTestId('statement-total').textContent())));
	const pdf = await member.request.get(`/statements/pulsewise/statement.pdf?month=${month}`);
	expect(pdf.status()).toBe(200);
	expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
	const evidence = await member.request.get('/statements/pulsewise/evidence.pdf');
	expect(evidence.status()).toBe(200);
	expect(evidence.headers()['content-type']).toBe('application/pdf');
	// Another organisation's statement does not exist for this member.
	expect((await member.request.get(`/statements/lumenscan-ai/statement.csv?month=${month}`)).status()).toBe(404);
	await member.context().close();
});

test('the facility manager reads the facility statement; the operator the programme report page', async ({
	browser
}) => {
	const manager = await pageAs(browser, demo.facility);
	await manager.goto('/testbed/manage');
	await manager
		.getByRole('link', { name: /월별 이용 명세서|Monthly statement/ })
		.first()
		.click();
	await expect(manager).toHaveURL(/\/testbed\/facilities\/[a-z0-9-]+\/statement$/);
	await expect(manager.locator('h1')).toBeVisible();
	await expectNoAxeViolations(manager);
	await manager.context().close();

	const operator = await pageAs(browser, demo.operator);
	await operator.goto('/programmes/00000000-0000-4000-8000-000000000000/report');
	await expect(operator.locator('h1')).toBeVisible();
	await expectNoAxeViolations(operator);
	await operator.context().close();
});
