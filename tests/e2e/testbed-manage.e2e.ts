// Facility managers: the monthly report and its CSV, and managing a resource, each only for their own facilities.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { demo, gotoReady, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

const OTHER_FACILITY = 'daegu-3d-printing';

test('a facility manager reads the monthly report and downloads it as CSV', async ({ browser }) => {
	const manager = await pageAs(browser, demo.facility);
	await gotoReady(manager, '/testbed/reports');
	await expect(manager.getByRole('heading', { level: 1 })).toHaveText(/이용 보고서|Usage reports/);
	const resources = manager.getByRole('table', { name: /자원별 가동률|Utilisation per resource/ });
	await expect(resources.locator('tbody tr').first()).toBeVisible();
	await expect(resources).not.toContainText('금속 3D 프린터'); // Daegu's, not theirs
	await expect(
		manager
			.getByRole('table', { name: /기관별 이용|Usage per organisation/ })
			.locator('tbody tr')
			.first()
	).toBeVisible();
	await expectNoAxeViolations(manager);

	// The month picker: last month, by the form (works without JavaScript too).
	const month = await manager.locator('#report-month').inputValue();
	const [y, m] = month.split('-').map(Number);
	const previous = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
	await manager.locator('#report-month').fill(previous);
	await manager.getByRole('button', { name: /보고서 보기|Show report/ }).click();
	await expect(manager).toHaveURL(new RegExp(`month=${previous}`));

	const [download] = await Promise.all([
		manager.waitForEvent('download'),
		manager.getByRole('link', { name: /CSV/ }).click()
	]);
	expect(download.suggestedFilename()).toBe(`medcluster-testbed-${previous}.csv`);
	const bytes = readFileSync((await download.path())!);
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const text = bytes.toString('utf8');
	expect(text).toContain('\r\n');
	expect(text).toMatch(/갤럭시 S24 \(A\)/);
	expect(text).not.toContain('금속 3D 프린터');

	// Somebody else's facility is not there for them, in the page or in the CSV.
	expect((await manager.goto(`/testbed/reports?facility=${OTHER_FACILITY}`))?.status()).toBe(404);
	expect(
		(await manager.request.get(`/testbed/reports.csv?month=${previous}&facility=${OTHER_FACILITY}`)).status()
	).toBe(404);
	await manager.context().close();

	const member = await pageAs(browser, demo.startup);
	expect((await member.goto('/testbed/reports'))?.status()).toBe(403);
	await member.context().close();
});

test('a facility manager creates a resource, sets its hours and a blackout, and cannot touch another facility', async ({
	browser,
	baseURL
}) => {
	const manager = await pageAs(browser, demo.facility);
	const slug = `e2e-scope-${Date.now().toString(36)}`;
	await gotoReady(manager, '/testbed/manage/resources/new');
	await manager.locator('#res-name-ko').fill('E2E 오실로스코프');
	await manager.locator('#res-name-en').fill('E2E oscilloscope');
	await manager.locator('#res-slug').fill(slug);
	await manager.locator('#res-min_minutes').fill('45');
	await manager.locator('main form button[type=submit]').click();
	// Not a multiple of the 30-minute slot: a translated message beside the field.
	await expect(manager.locator('#res-min_minutes-error')).toContainText(/배수|multiple/);
	await manager.locator('#res-min_minutes').fill('60');
	await manager.locator('main form button[type=submit]').click();
	await expect(manager).toHaveURL(/\/testbed\/manage\/resources\/[0-9a-f-]+\?saved=1$/);
	await expect(manager.getByRole('heading', { level: 1 })).toHaveText('E2E 오실로스코프');
	await expectNoAxeViolations(manager);

	await manager.locator('#opens-1').fill('09:00');
	await manager.locator('#closes-1').fill('18:00');
	await manager.locator('form[action="?/hours"] button[type=submit]').click();
	await expect(manager.locator('main [role=status]').first()).toContainText(/저장했습니다|Saved/);

	await manager.locator('#bo-start-date').fill('2030-01-07');
	await manager.locator('#bo-start-time').fill('09:00');
	await manager.locator('#bo-end-date').fill('2030-01-07');
	await manager.locator('#bo-end-time').fill('12:00');
	await manager.locator('#bo-reason-ko').fill('정기 교정');
	await manager.locator('#bo-reason-en').fill('Calibration');
	await manager.locator('form[action="?/addBlackout"] button[type=submit]').click();
	await expect(manager.getByTestId('blackouts')).toContainText('정기 교정');
	await manager.locator('form[action="?/removeBlackout"] button[type=submit]').click();
	await expect(manager.getByTestId('blackouts')).toHaveCount(0);

	await manager.goto(`/testbed/resources/${slug}`);
	await expect(manager.getByRole('heading', { level: 1 })).toContainText('E2E 오실로스코프');

	// Daegu's printer belongs to another facility: no page, and a forged form post changes nothing.
	const list = await (await manager.request.get('/api/v1/resources?q=Metal')).json();
	const printer = list.resources.find((r: { facility: { slug: string } }) => r.facility.slug === OTHER_FACILITY);
	expect((await manager.goto(`/testbed/manage/resources/${printer.id}`))?.status()).toBe(403);
	const forged = await manager.request.post(`/testbed/manage/resources/${printer.id}?/addBlackout`, {
		headers: { origin: baseURL!, accept: 'application/json' },
		form: {
			start_date: '2030-01-07',
			start_time: '09:00',
			end_date: '2030-01-07',
			end_time: '12:00',
			reason_ko: '가짜',
			reason_en: 'Forged'
		}
	});
	expect(await forged.text()).toMatch(/"status":403/);
	const availability = await (
		await manager.request.get(
			`/api/v1/resources/${printer.id}/availability?from=2030-01-07T00:00:00%2B09:00&to=2030-01-08T00:00:00%2B09:00`
		)
	).json();
	expect(availability.blackouts).toEqual([]);
	await manager.context().close();
});
