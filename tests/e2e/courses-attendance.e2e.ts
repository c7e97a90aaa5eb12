// Courses end to end, part two, in order: employer approval of a new cohort; QR self check-in at the
// seeded session of "3D printer safety" running today; and that course's credential unlocking a
// testbed booking of the metal 3D printer that was refused before. axe on the new pages.
import { expect, test, type Page } from '@playwright/test';
import { demo, gotoReady, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

const COURSE_MANAGER = 'courses@medcluster.example';
const SAFETY = '/courses/3d-printer-safety';
const TODAY = '오늘 현장 교육';
const PRINTER = '/testbed/resources/metal-3d-printer-a';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test.describe.configure({ mode: 'serial' });

/** The operator (manager of every course) on the attendance page of today's safety session. */
async function openTodaysSession(operator: Page) {
	await gotoReady(operator, '/courses/manage');
	const section = operator.locator('main section').filter({ has: operator.locator(`a[href="${SAFETY}"]`) });
	await section.locator('tbody a', { hasText: TODAY }).click();
	await expect(operator).toHaveURL(/\/courses\/manage\/cohorts\/[0-9a-f-]+/);
}

async function enrolToday(trainee: Page) {
	await gotoReady(trainee, SAFETY);
	const cohort = trainee.locator('main article').filter({ hasText: TODAY });
	await cohort.getByRole('button', { name: '수강 신청' }).click();
	await expect(trainee.locator('main [role=status]').first()).toContainText('수강이 확정되었습니다');
}

test('a cohort needing employer approval: the request waits, the org admin approves, the trainee is enrolled', async ({
	browser
}) => {
	const manager = await pageAs(browser, COURSE_MANAGER);
	await gotoReady(manager, '/courses/manage');
	const section = manager
		.locator('main section')
		.filter({ has: manager.locator('a[href="/courses/mfds-approval-basics"]') });
	await section.locator('summary').click();
	await section.locator('input[name=labelKo]').fill('기관 승인 기수');
	await section.locator('input[name=labelEn]').fill('Employer-approved cohort');
	await section.locator('input[name=opensOn]').fill(day(-1));
	await section.locator('input[name=closesOn]').fill(day(10));
	await section.locator('input[name=firstDate]').fill(day(14));
	await section.locator('input[name=employerApproval]').check();
	await section.locator('form[action="?/createCohort"] button[type=submit]').click();
	await expect(manager.locator('main [role=status]').first()).toBeVisible();

	const trainee = await pageAs(browser, demo.startup);
	await gotoReady(trainee, '/courses/mfds-approval-basics');
	const cohort = trainee.locator('main article').filter({ hasText: '기관 승인 기수' });
	await expect(cohort).toContainText('소속 기관 관리자의 승인이 필요한 기수입니다');
	await cohort.getByRole('button', { name: '승인 요청과 함께 신청' }).click();
	await expect(trainee.locator('main [role=status]').first()).toContainText('소속 기관 관리자의 승인을 기다립니다');
	await expect(trainee.locator('main article').filter({ hasText: '기관 승인 기수' })).toContainText('기관 승인 대기');

	const admin = await pageAs(browser, demo.startupAdmin);
	await gotoReady(admin, '/courses');
	await admin.locator('main a[href="/courses/approvals"]').click();
	await expect(admin).toHaveURL(/\/courses\/approvals$/);
	const request = admin.locator('main article').filter({ hasText: '기관 승인 기수' });
	await expect(request).toContainText(demo.startup);
	await expectNoAxeViolations(admin);
	await request.locator('form[action="?/approve"] button[type=submit]').click();
	await expect(admin.locator('main [role=status]').first()).toContainText('승인했습니다');

	await gotoReady(trainee, '/courses/mfds-approval-basics');
	await expect(trainee.locator('main article').filter({ hasText: '기관 승인 기수' })).toContainText('수강 확정');
	await gotoReady(trainee, '/notifications');
	await expect(trainee.locator('main')).toContainText('수강 확정');
	for (const p of [manager, trainee, admin]) await p.context().close();
});

test('during the session the manager shows a rotating QR code; an enrolled trainee checks in with it', async ({
	browser
}) => {
	const trainee = await pageAs(browser, demo.hospital);
	await enrolToday(trainee);

	const operator = await pageAs(browser, demo.operator);
	await openTodaysSession(operator);
	await expect(operator.getByRole('img', { name: '출석 체크인 QR 코드' })).toBeVisible();
	await expect(operator.getByTestId('check-in-token')).not.toBeEmpty();
	await expect(operator.locator('input[name=present]').first()).not.toBeChecked();
	await expectNoAxeViolations(operator);
	const url = new URL((await operator.getByTestId('check-in-url').textContent())!);

	await gotoReady(trainee, url.pathname + url.search);
	await expectNoAxeViolations(trainee);
	await trainee.getByRole('button', { name: '출석 체크인' }).click();
	await expect(trainee.locator('main [role=status]').first()).toContainText('출석으로 기록되었습니다');

	await operator.reload();
	await expect(operator.locator('input[name=present]').first()).toBeChecked();
	await trainee.context().close();
	await operator.context().close();
});

/** Monday of next week in Seoul: this week's free times may all be past (on a Friday evening, say). */
function nextMondayInSeoul(): string {
	const seoul = new Date(Date.now() + 9 * 3_600_000);
	const daysAhead = (8 - seoul.getUTCDay()) % 7 || 7;
	return new Date(seoul.getTime() + daysAhead * 86_400_000).toISOString().slice(0, 10);
}

/** Picks the first free time of the printer next week and submits the booking form. */
async function tryToBookPrinter(page: Page) {
	await gotoReady(page, `${PRINTER}?week=${nextMondayInSeoul()}`);
	await page.getByTestId('free-slots').locator('a').first().click();
	await expect(page.locator('input[name=time]')).not.toHaveValue('');
	await page.locator('textarea[name=purpose]').fill('임플란트 시제품 출력');
	await page.locator('#book form button[type=submit]').click();
}

test('the 3D printer says before the form that the safety credential is needed; after the course it books', async ({
	browser
}) => {
	const member = await pageAs(browser, demo.startupAdmin);
	// Said before the form, with the course that grants the credential; no form to fill in for nothing.
	await gotoReady(member, PRINTER);
	const notice = member.locator('#book [role=status]');
	await expect(notice).toContainText('3D 프린터 안전');
	await expect(member.locator('#book form')).toHaveCount(0);
	await notice.getByRole('link').click();
	await expect(member).toHaveURL(new RegExp(`${SAFETY}$`));
	await enrolToday(member);

	const operator = await pageAs(browser, demo.operator);
	await openTodaysSession(operator);
	for (const box of await operator.locator('input[name=present]').all()) await box.check();
	await operator.getByRole('button', { name: '출석 저장' }).click();
	await expect(operator.locator('main [role=status]').first()).toContainText('출석을 저장했습니다');
	await operator.getByRole('button', { name: '수료 처리 및 수료증 발급' }).click();
	await expect(operator.locator('main [role=status]').first()).toContainText('수료증을 발급했습니다');

	await tryToBookPrinter(member);
	await expect(member).toHaveURL(/\/testbed\/bookings\/[0-9a-f-]+\?created=1$/);
	await member.context().close();
	await operator.context().close();
});
