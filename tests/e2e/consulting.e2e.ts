// Consulting end to end, on the seeded Wonju commercialisation call (Pulsewise selected; consultants
// 정하늘 of the Techno Valley and 오세린 of ETRI): the startup's admin books a session through the
// meeting scheduler, a slot after the programme's end is refused, an outsider gets a 404, and the
// consultant accepts a time from the keyboard; the call's report counts the hours.
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { demo, gotoReady, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

const expect = baseExpect.configure({ timeout: 20_000 });
const CONSULTANT = 'courses@medcluster.example';
const CALL = '2026 원주 디지털헬스 사업화 지원';

/** `YYYY-MM-DDT10:00` on Seoul's calendar, `days` from today. */
const seoulDay = (days: number, time = '10:00') =>
	`${new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;

async function expectNoHorizontalScroll(page: Page) {
	await page.setViewportSize({ width: 360, height: 800 });
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	await page.setViewportSize({ width: 1280, height: 800 });
}

test('a selected company books a consulting session and the consultant accepts it', async ({ browser }) => {
	test.setTimeout(240_000);
	const company = await pageAs(browser, demo.startupAdmin);
	await gotoReady(company, '/programmes');
	await company.getByRole('link', { name: CALL }).first().click();
	await company.locator('body[data-hydrated="true"]').waitFor();
	await company.getByRole('link', { name: '컨설팅', exact: true }).click();
	await expect(company).toHaveURL(/\/programmes\/[0-9a-f-]+\/consulting$/);
	await company.locator('body[data-hydrated="true"]').waitFor();
	const consultingPath = new URL(company.url()).pathname;
	await expect(company.locator('main')).toContainText('컨설팅 예약');
	await expectNoAxeViolations(company);
	await expectNoHorizontalScroll(company);

	// A time after the programme's end (60 days from seeding) is refused with a message, and nothing is sent.
	await company.locator('select[name=consultantId]').selectOption({ label: '정하늘' });
	await company.locator('input[name=start_1]').fill(seoulDay(120));
	await company.locator('textarea[name=message]').fill('식약처 확증 임상 계획서의 통계 설계를 상의하고 싶습니다.');
	await company.getByRole('button', { name: '컨설팅 요청 보내기' }).click();
	await expect(company.locator('main [role=alert], main .alert').first()).toContainText('사업 종료일 이후');
	await expectNoAxeViolations(company);

	// Keyboard only from here: the time field, then Enter on the send button.
	await company.locator('input[name=start_1]').fill(seoulDay(5));
	await company.locator('textarea[name=message]').fill('식약처 확증 임상 계획서의 통계 설계를 상의하고 싶습니다.');
	await company.getByRole('button', { name: '컨설팅 요청 보내기' }).focus();
	await company.keyboard.press('Enter');
	await expect(company).toHaveURL(/\/meetings\/[0-9a-f-]+$/);
	await expect(company.locator('main h1')).toContainText('정하늘');
	await expect(company.locator('main')).toContainText('응답 대기');
	await expectNoAxeViolations(company);
	const meetingPath = new URL(company.url()).pathname;

	// Someone with no part in the call: 404 for its consulting page and for the request.
	const hospital = await pageAs(browser, demo.hospital);
	expect((await hospital.goto(consultingPath))?.status()).toBe(404);
	expect((await hospital.goto(meetingPath))?.status()).toBe(404);
	// The Techno Valley's other staff see neither the request nor its answer buttons.
	const facility = await pageAs(browser, demo.facility);
	expect((await facility.goto(meetingPath))?.status()).toBe(404);

	const consultant = await pageAs(browser, CONSULTANT);
	await gotoReady(consultant, consultingPath);
	await expect(consultant.locator('main')).toContainText('나에게 온 컨설팅 요청');
	await expectNoAxeViolations(consultant);
	await consultant.locator(`main a[href="${meetingPath}"]`).first().focus();
	await consultant.keyboard.press('Enter');
	await expect(consultant).toHaveURL(new RegExp(`${meetingPath}$`));
	await consultant.locator('body[data-hydrated="true"]').waitFor();
	await expectNoAxeViolations(consultant);
	await consultant.locator('form[action="?/accept"] button[type=submit]').first().focus();
	await consultant.keyboard.press('Enter');
	await expect(consultant.locator('main header')).toContainText('확정');

	await gotoReady(company, meetingPath);
	await expect(company.getByRole('link', { name: /캘린더에 추가/ })).toBeVisible();
	await gotoReady(company, consultingPath);
	await expect(company.locator('main table')).toContainText('정하늘');

	// The call's report: the seeded 90-minute session and this 60-minute one.
	const operator = await pageAs(browser, demo.operator);
	await gotoReady(operator, `${consultingPath.replace(/\/consulting$/, '')}/report`);
	await expect(operator.locator('main tr').filter({ hasText: '컨설팅 건수(확정)' })).toContainText('2');
	await expect(operator.locator('main tr').filter({ hasText: '컨설팅 시간(확정)' })).toContainText('2.5');
});
