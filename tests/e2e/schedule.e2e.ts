// My schedule end to end: a member enrols in a course and books a bench at the time of its first
// class (set up through the UI), and already holds a seeded IR registration. The schedule shows all
// three with the conflict marked in words; the feed address from the settings downloads a calendar;
// axe on the agenda, week and settings pages; the month grid gives way to a list at 360 px.
import { expect, test } from '@playwright/test';
import { demo, gotoReady, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

const COURSE = '/courses/iso-13485-qms';

test('the schedule shows a booking, a course meeting and an IR session, flags the clash, and feeds a calendar', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const member = await pageAs(browser, demo.startup);

	// An empty-ish start: the seeded IR registration (LumenScan AI, today) is on the agenda.
	await gotoReady(member, '/schedule');
	await expect(member.locator('main')).toContainText(/루멘스캔 AI|LumenScan AI/);
	await expectNoAxeViolations(member);

	// Enrol in a course, and read the first class time from its calendar file.
	await gotoReady(member, COURSE);
	await member.getByRole('button', { name: /수강 신청|Enrol/ }).click();
	await expect(member.locator('main [role=status]').first()).toContainText(/수강이 확정되었습니다|confirmed/);
	const icsHref = await member.locator('main a[href$="/meetings.ics"]').getAttribute('href');
	const courseIcs = await (await member.request.get(icsHref!)).text();
	const firstStart = /DTSTART:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})00Z/.exec(courseIcs)!;
	const startUtc = new Date(
		Date.UTC(+firstStart[1], +firstStart[2] - 1, +firstStart[3], +firstStart[4], +firstStart[5])
	);
	const seoul = new Date(startUtc.getTime() + 9 * 3_600_000).toISOString();
	const [date, time] = [seoul.slice(0, 10), seoul.slice(11, 16)];

	// Book the always-open cloud bench for the first hour of that class.
	await gotoReady(member, `/testbed/resources/cloud-samd-bench?week=${date}&date=${date}&time=${time}&minutes=60#book`);
	await member.locator('textarea[name=purpose]').fill('교육과 겹치는 부하 시험');
	await member.locator('#book form button[type=submit]').click();
	await expect(member).toHaveURL(/\/testbed\/bookings\/[0-9a-f-]+\?created=1$/);
	const bookingPath = new URL(member.url()).pathname;

	// The week of the class: both items, each marked as a conflict in text.
	await gotoReady(member, `/schedule?view=week&date=${date}`);
	const main = member.locator('main');
	await expect(main.locator(`a[href="${bookingPath}"]`)).toBeVisible();
	await expect(main.locator(`a[href="${COURSE}"]`).first()).toBeVisible();
	await expect(main.locator('[role=status]')).toContainText(/겹치는 일정이 2건|2 items overlap/);
	await expect(main.locator('article', { has: member.locator(`a[href="${bookingPath}"]`) })).toContainText(
		/일정 겹침|Conflict/
	);
	await expectNoAxeViolations(member);

	// Filtering to bookings only keeps the conflict note (it is about the member's whole schedule).
	await member.getByRole('checkbox', { name: /교육|Course/ }).uncheck();
	await member.getByRole('checkbox', { name: /^IR$/ }).uncheck();
	await member.getByRole('checkbox', { name: /미팅|Meeting/ }).uncheck();
	await member.getByRole('button', { name: /적용|Apply/ }).click();
	await expect(member).toHaveURL(/kind=booking/);
	await expect(main.locator(`a[href="${COURSE}"]`)).toHaveCount(0);
	await expect(main.locator(`a[href="${bookingPath}"]`)).toBeVisible();

	// The month grid, then the same month at 360 px: the grid gives way to the list.
	await gotoReady(member, `/schedule?view=month&date=${date}`);
	await expect(main.locator('table td a[href="' + bookingPath + '"]')).toBeVisible();
	await expectNoAxeViolations(member);
	await member.setViewportSize({ width: 360, height: 800 });
	await gotoReady(member, `/schedule?view=month&date=${date}`);
	await expect(main.locator('table')).toBeHidden();
	await expect(
		main
			.getByRole('link', { name: /클라우드 SaMD 시험 벤치|Cloud SaMD test bench/ })
			.and(main.locator(`a[href="${bookingPath}"]`))
	).toBeVisible();
	await member.setViewportSize({ width: 1280, height: 800 });

	// The private feed address, shown once in the settings, downloads the same items.
	await gotoReady(member, '/settings/calendar');
	await expectNoAxeViolations(member);
	await member
		.getByRole('button', { name: /구독 주소 만들기|Create a feed address/ })
		.first()
		.click();
	const feedUrl = await member.getByTestId('feed-url').inputValue();
	expect(feedUrl).toMatch(/\/calendar\/mcf[a-z2-7]{32}\.ics$/);
	const anonymous = await browser.newContext();
	const feed = await anonymous.request.get(feedUrl);
	expect(feed.status()).toBe(200);
	expect(feed.headers()['content-type']).toContain('text/calendar');
	const body = await feed.text();
	expect(body).toContain(`UID:booking-${bookingPath.split('/').pop()}@`);
	expect(body).toMatch(/UID:ir-[0-9a-f-]+@/);
	expect((await anonymous.request.get(feedUrl.replace(/mcf[a-z2-7]{4}/, 'mcfaaaa'))).status()).toBe(404);
	await member
		.getByRole('button', { name: /해지|Revoke/ })
		.first()
		.click();
	await expect(member.locator('main [role=status]').first()).toContainText(/해지했습니다|revoked/);
	expect((await anonymous.request.get(feedUrl)).status()).toBe(404);
	await anonymous.close();

	await gotoReady(member, '/settings/notifications');
	await expectNoAxeViolations(member);
	await member.context().close();
});

test('notification settings save per kind and the notification centre filters by area', async ({ browser }) => {
	const member = await pageAs(browser, demo.investor);
	await gotoReady(member, '/settings/notifications');
	const emailBox = member.locator('input[name=email][value=schedule_reminder_ir]');
	await expect(emailBox).toBeChecked();
	await emailBox.uncheck();
	await member.getByRole('button', { name: /^(저장|Save)$/ }).click();
	await expect(member.locator('main [role=status]').first()).toContainText(/저장했습니다|saved/);
	await gotoReady(member, '/settings/notifications');
	await expect(member.locator('input[name=email][value=schedule_reminder_ir]')).not.toBeChecked();
	await expect(member.locator('input[name=in_app][value=schedule_reminder_ir]')).toBeChecked();

	await gotoReady(member, '/notifications');
	await member.locator('select[name=area]').selectOption('meetings');
	await member.getByRole('button', { name: /적용|Apply/ }).click();
	await expect(member).toHaveURL(/area=meetings/);
	await expectNoAxeViolations(member);
	await member.context().close();
});
