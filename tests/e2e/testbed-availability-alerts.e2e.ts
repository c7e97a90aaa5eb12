// Availability alerts end to end: a member waits for a booked slot, the booking is cancelled, the slot
// is held for the member, who books it from the alerts page; axe on the new page.
import { expect, test } from '@playwright/test';
import { demo, gotoReady, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

const RESOURCE = 'cloud-samd-bench';

test('a member set to be told gets the freed slot held and books it', async ({ browser, baseURL }) => {
	const booker = await pageAs(browser, demo.startup);
	const waiter = await pageAs(browser, demo.hospital);
	const headers = { origin: baseURL!, 'content-type': 'application/json' };

	// The booker takes the first free time of next week (well before the cancellation cut-off).
	await booker.goto(`/testbed/resources/${RESOURCE}`);
	await booker.locator('.week-nav nav a').nth(1).click();
	await expect(booker).toHaveURL(/week=/);
	await booker.getByTestId('free-slots').locator('a').first().click();
	await expect(booker.locator('input[name=time]')).not.toHaveValue('');
	await booker.locator('textarea[name=purpose]').fill('SaMD 클라우드 부하 시험');
	await booker.locator('#book form button[type=submit]').click();
	await expect(booker).toHaveURL(/\/testbed\/bookings\/[0-9a-f-]+\?created=1$/);
	const bookingId = new URL(booker.url()).pathname.split('/').pop()!;
	const booking = await (await booker.request.get(`/api/v1/bookings/${bookingId}`)).json();

	// The resource page offers "notify me" to a member; the alert covers exactly the booked time.
	await gotoReady(waiter, `/testbed/resources/${RESOURCE}`);
	const notify = waiter.locator('#notify');
	await notify.locator('summary').click();
	await expect(notify.locator('input[name=from]')).toBeVisible();
	// The form refuses a range that ends before it starts, in words; a later range is accepted (it
	// lies past the booking horizon, so nothing is held for it and other tests are not disturbed).
	const day = (offset: number) => new Date(Date.now() + offset * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
	await notify.locator('input[name=from]').fill(day(122));
	await notify.locator('input[name=to]').fill(day(120));
	await notify.locator('button[type=submit]').click();
	await expect(notify.getByRole('alert')).toContainText(/기간|date range/);
	await notify.locator('input[name=from]').fill(day(120));
	await notify.locator('input[name=to]').fill(day(122));
	await notify.locator('button[type=submit]').click();
	await expect(notify.getByRole('status')).toContainText(/알림을 신청했습니다|Alert set/);
	await expectNoAxeViolations(waiter);
	const created = await waiter.request.post(`/api/v1/resources/${booking.resourceId}/alerts`, {
		headers,
		data: { start: booking.start, end: booking.end }
	});
	expect(created.status()).toBe(201);
	await waiter.goto('/testbed/bookings/alerts');
	await expect(waiter.locator('main')).toContainText(/대기 중|Waiting/);
	await expectNoAxeViolations(waiter);

	// The booker cancels; the job runner offers the slot to the waiter within a few seconds.
	const cancelled = await booker.request.delete(`/api/v1/bookings/${bookingId}`, { headers });
	expect(cancelled.status(), await cancelled.text()).toBe(200);
	const bookHeld = waiter.getByRole('link', { name: /보류된 시간 예약하기|Book the held slot/ });
	await expect(async () => {
		await waiter.reload();
		await expect(bookHeld).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 40_000 });
	await expectNoAxeViolations(waiter);

	// Someone else cannot take the held time meanwhile.
	const stolen = await booker.request.post('/api/v1/bookings', {
		headers,
		data: { resourceId: booking.resourceId, start: booking.start, end: booking.end, purpose: 'again' }
	});
	expect(stolen.status()).toBe(409);
	expect((await stolen.json()).error.code).toBe('avail_slot_held');

	// The link opens the booking form filled in with the held slot; the waiter books it.
	await bookHeld.click();
	await expect(waiter.locator('input[name=time]')).not.toHaveValue('');
	await waiter.locator('textarea[name=purpose]').fill('임상 검증 데이터 업로드 시험');
	await waiter.locator('#book form button[type=submit]').click();
	await expect(waiter).toHaveURL(/\/testbed\/bookings\/[0-9a-f-]+\?created=1$/);
	await waiter.goto('/testbed/bookings/alerts');
	await expect(waiter.locator('main')).toContainText(/예약됨|Booked/);
	// The far alert set through the form is still waiting; its owner cancels it from the list.
	await waiter.getByRole('button', { name: /알림 취소|Cancel alert/ }).click();
	await expect(waiter.locator('main [role=status]')).toContainText(/알림을 취소했습니다|alert is cancelled/);
	await expect(waiter.getByRole('button', { name: /알림 취소|Cancel alert/ })).toHaveCount(0);
	await booker.context().close();
	await waiter.context().close();
});
