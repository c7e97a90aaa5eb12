// Testbed booking end to end: book → approve → check in; losing a slot to someone else; keyboard; axe.
import { expect, test, type Page } from '@playwright/test';
import { demo, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

const FACILITY_MANAGER = 'facility@medcluster.example';

/** Opens the resource page with the booking form filled from the first free time of the week. */
async function pickFirstFreeSlot(page: Page, slug: string) {
	await page.goto(`/testbed/resources/${slug}`);
	const first = page.getByTestId('free-slots').locator('a').first();
	await expect(first).toBeVisible();
	await first.click();
	await expect(page.locator('input[name=time]')).not.toHaveValue('');
}

test('a member books a device, the manager approves, the member checks in with the QR code', async ({
	page,
	browser
}) => {
	const member = await pageAs(browser, demo.startup);
	await pickFirstFreeSlot(member, 'iomt-remote-gateway');
	await member.locator('textarea[name=purpose]').fill('BLE 게이트웨이 연동 시험');
	await member.locator('#book form button[type=submit]').click();
	await expect(member).toHaveURL(/\/testbed\/bookings\/[0-9a-f-]+\?created=1$/);
	await expect(member.locator('main')).toContainText(/승인 대기|Awaiting approval/);
	const bookingPath = new URL(member.url()).pathname;

	const manager = await pageAs(browser, FACILITY_MANAGER);
	await manager.goto('/testbed/manage');
	await expect(manager.locator(`main a[href="${bookingPath}"]`).first()).toBeVisible();
	await manager.goto(bookingPath);
	await manager.locator('form[action="?/approve"] button[type=submit]').click();
	await expect(manager.locator('main [role=status]').first()).toContainText(/확정|Confirmed/);

	// The QR code on the booking page leads to the check-in page, which checks in with one button.
	await member.goto(bookingPath);
	await expect(member.getByRole('img', { name: /체크인 QR 코드|QR code to check in/ })).toBeVisible();
	await expectNoAxeViolations(member);
	await member.getByRole('link', { name: /체크인 페이지 열기|Open the check-in page/ }).click();
	await expect(member).toHaveURL(`${bookingPath}/check-in`);
	await expectNoAxeViolations(member);
	await member.locator('main form button[type=submit]').click();
	await expect(member.locator('main [role=status]')).toContainText(/체크인했습니다|checked in/);
	await member.goto(bookingPath);
	await expect(member.locator('main')).toContainText(/체크인 완료|Checked in/);
	await expect(member.getByRole('img', { name: /체크인 QR 코드|QR code to check in/ })).toHaveCount(0);
	const ics = await member.request.get(`${bookingPath}/booking.ics`);
	expect(ics.status()).toBe(200);
	expect(await ics.text()).toContain('STATUS:CONFIRMED');
	await member.context().close();
	await manager.context().close();
	void page;
});

test('a member who loses the slot sees why and the refreshed free times', async ({ browser }) => {
	const member = await pageAs(browser, demo.startup);
	const rival = await pageAs(browser, demo.hospital);
	await pickFirstFreeSlot(member, 'cloud-samd-bench');
	const taken = new URL(member.url()).search;
	await member.locator('textarea[name=purpose]').fill('앱 부하 시험');

	await rival.goto(`/testbed/resources/cloud-samd-bench${taken}`);
	await rival.locator('textarea[name=purpose]').fill('Interoperability test');
	await rival.locator('#book form button[type=submit]').click();
	await expect(rival).toHaveURL(/\/testbed\/bookings\//);

	const firstBefore = await member.getByTestId('free-slots').locator('a').first().textContent();
	await member.locator('#book form button[type=submit]').click();
	await expect(member.getByRole('alert')).toContainText(/방금 다른 예약|Someone else has just booked/);
	await expect(member.getByTestId('free-slots').locator('a').first()).not.toHaveText(firstBefore ?? '');
	await member.context().close();
	await rival.context().close();
});

test('the booking form works by keyboard alone', async ({ browser }) => {
	const member = await pageAs(browser, demo.startup);
	await member.goto(
		'/testbed/resources/iomt-meeting-room?week=' + new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)
	);
	const link = member.getByTestId('free-slots').locator('a').first();
	await link.focus();
	await member.keyboard.press('Enter');
	await expect(member.locator('input[name=time]')).not.toHaveValue('');
	await member.locator('textarea[name=purpose]').focus();
	await member.keyboard.type('Team review');
	await member.keyboard.press('Tab');
	await expect(member.locator('#book form button[type=submit]')).toBeFocused();
	await member.keyboard.press('Enter');
	await expect(member).toHaveURL(/\/testbed\/bookings\/[0-9a-f-]+\?created=1$/);
	await member.context().close();
});

test('testbed pages have no axe violations', async ({ page: visitor, browser }) => {
	for (const path of ['/testbed', '/testbed?hours=4&kind=equipment', '/testbed/resources/metal-3d-printer-a']) {
		await visitor.goto(path);
		await expectNoAxeViolations(visitor);
	}
	const manager = await pageAs(browser, FACILITY_MANAGER);
	for (const path of [
		'/testbed/manage',
		'/testbed/bookings',
		'/testbed/resources/galaxy-watch-6',
		'/testbed/manage/resources',
		'/testbed/manage/resources/new'
	]) {
		await manager.goto(path);
		await expectNoAxeViolations(manager);
	}
	const firstBooking = manager.locator('main table a[href^="/testbed/bookings/"]').first();
	await manager.goto('/testbed/manage');
	await manager.goto((await firstBooking.getAttribute('href'))!);
	await expectNoAxeViolations(manager);
	await manager.context().close();
});
