// A course manager edits a cohort from the UI with the keyboard (a capacity cut below the seats
// held is refused with a clear message, a raise and a moved meeting are saved and told to the
// trainees), then cancels it with a reason; and edits a course's prerequisites, where a cycle is
// refused. axe on the new pages.
import { expect, test, type Page } from '@playwright/test';
import { demo, gotoReady, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

const COURSE_MANAGER = 'courses@medcluster.example';
const COURSE = '/courses/mfds-approval-basics';
const LABEL = '수정할 기수';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test.describe.configure({ mode: 'serial' });

/** The page fits a 360 px wide phone: nothing scrolls sideways. */
async function expectNoHorizontalScroll(page: Page) {
	await page.setViewportSize({ width: 360, height: 800 });
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	await page.setViewportSize({ width: 1280, height: 800 });
}

/** The manager's section of a course on /courses/manage. */
const courseSection = (page: Page, href: string) =>
	page.locator('main section').filter({ has: page.locator(`h2 a[href="${href}"]`) });

async function enrolIn(page: Page) {
	await gotoReady(page, COURSE);
	await page.locator('main article').filter({ hasText: LABEL }).getByRole('button', { name: '수강 신청' }).click();
	await expect(page.locator('main [role=status]').first()).toContainText('수강이 확정되었습니다');
}

test('a manager edits a cohort with the keyboard, is refused a cut below the seats held, then cancels it with a reason', async ({
	browser
}) => {
	// Three people, two enrolments, five page visits with axe: longer than the default on a busy machine.
	test.setTimeout(120_000);
	const manager = await pageAs(browser, COURSE_MANAGER);
	await gotoReady(manager, '/courses/manage');
	const section = courseSection(manager, COURSE);
	await section.locator('summary').click();
	await section.locator('input[name=labelKo]').fill(LABEL);
	await section.locator('input[name=labelEn]').fill('Cohort to edit');
	await section.locator('input[name=capacity]').fill('5');
	await section.locator('input[name=opensOn]').fill(day(-1));
	await section.locator('input[name=closesOn]').fill(day(10));
	await section.locator('input[name=firstDate]').fill(day(20));
	await section.locator('form[action="?/createCohort"] button[type=submit]').click();
	await expect(manager.locator('main [role=status]').first()).toBeVisible();

	const trainees = [await pageAs(browser, demo.startup), await pageAs(browser, demo.hospital)];
	for (const t of trainees) await enrolIn(t);

	// To the edit page by keyboard: the cohort link in the list, then "edit or cancel".
	await gotoReady(manager, '/courses/manage');
	await courseSection(manager, COURSE).locator('tbody a', { hasText: LABEL }).focus();
	await manager.keyboard.press('Enter');
	await expect(manager).toHaveURL(/\/courses\/manage\/cohorts\/[0-9a-f-]+$/);
	await manager.getByRole('link', { name: '기수 정보 수정 또는 취소' }).focus();
	await manager.keyboard.press('Enter');
	await expect(manager).toHaveURL(/\/edit$/);
	await expect(manager.getByRole('heading', { level: 1 })).toContainText('기수 수정');
	await expect(manager.locator('#capacity-hint')).toContainText('2명');
	await expectNoAxeViolations(manager);
	await expectNoHorizontalScroll(manager);

	// A cut below the two seats held: refused, with the numbers, and the form keeps what was typed.
	const capacity = manager.getByLabel('정원');
	await capacity.focus();
	await manager.keyboard.press('ControlOrMeta+a');
	await manager.keyboard.type('1');
	await manager.keyboard.press('Enter');
	await expect(manager.locator('main [role=alert]')).toContainText(
		'정원을 1명으로 줄일 수 없습니다. 이미 2명이 자리를 가지고 있습니다'
	);
	await expect(capacity).toHaveValue('1');
	await expectNoAxeViolations(manager);

	// A raise and a moved first meeting: saved, and the trainees hear of the new schedule.
	await capacity.focus();
	await manager.keyboard.press('ControlOrMeta+a');
	await manager.keyboard.type('8');
	await manager.getByLabel('1회차 시작').fill(`${day(20)}T10:00`);
	await manager.getByLabel('1회차 종료').fill('12:00');
	await manager.getByLabel('1회차 종료').press('Enter');
	await expect(manager.locator('main [role=status]').first()).toContainText('저장했습니다');
	await gotoReady(manager, manager.url());
	await expect(manager.getByLabel('정원')).toHaveValue('8');
	await expect(manager.getByLabel('1회차 시작')).toHaveValue(`${day(20)}T10:00`);
	await gotoReady(trainees[0], '/notifications');
	await expect(trainees[0].locator('main')).toContainText('일정 변경');

	// Cancelling asks first, needs a reason, then ends every place and tells why.
	const reason = manager.getByLabel('취소 사유');
	await reason.focus();
	await manager.keyboard.type('강사 사정으로 개설이 취소되었습니다');
	let asked = '';
	manager.once('dialog', (dialog) => {
		asked = dialog.message();
		void dialog.accept();
	});
	await manager.keyboard.press('Enter');
	await expect(manager.locator('main [role=status]').first()).toContainText(
		'기수를 취소했습니다. 신청 2건이 종료되었습니다'
	);
	expect(asked).toContain('되돌릴 수 없습니다');
	await gotoReady(manager, manager.url());
	await expect(manager.locator('main')).toContainText(
		'이 기수는 취소되었습니다. 사유: 강사 사정으로 개설이 취소되었습니다'
	);
	await expect(manager.getByLabel('정원')).toHaveCount(0);
	await expectNoAxeViolations(manager);

	await gotoReady(trainees[1], '/notifications');
	await expect(trainees[1].locator('main')).toContainText('기수 취소');
	await gotoReady(trainees[1], COURSE);
	await expect(trainees[1].locator('main article').filter({ hasText: LABEL })).toHaveCount(0);
	await gotoReady(trainees[1], '/courses');
	await expect(trainees[1].locator('#my-courses-title + ul li').filter({ hasText: LABEL })).toContainText(
		'사유: 강사 사정으로 개설이 취소되었습니다'
	);
	for (const p of [manager, ...trainees]) await p.context().close();
});

test('someone who does not manage the course gets no edit page', async ({ browser }) => {
	const manager = await pageAs(browser, COURSE_MANAGER);
	await gotoReady(manager, '/courses/manage');
	await courseSection(manager, COURSE).locator('tbody a').first().click();
	await expect(manager).toHaveURL(/\/courses\/manage\/cohorts\/[0-9a-f-]+$/);
	const editUrl = `${new URL(manager.url()).pathname}/edit`;
	const trainee = await pageAs(browser, demo.startup);
	const response = await trainee.goto(editUrl);
	expect(response?.status()).toBe(403);
	for (const p of [manager, trainee]) await p.context().close();
});

test('a manager edits prerequisites and the credential; a cycle is refused with the chain named', async ({
	browser
}) => {
	const manager = await pageAs(browser, COURSE_MANAGER);
	await gotoReady(manager, '/courses/manage');
	await courseSection(manager, COURSE).getByRole('link', { name: '과정 편집' }).click();
	await expect(manager.getByRole('heading', { level: 1 })).toContainText('의료기기 인허가 입문');
	await expectNoAxeViolations(manager);
	await expectNoHorizontalScroll(manager);
	// The edit page has a form per part: this test uses the prerequisites and credential one.
	const requirements = manager.locator('section[aria-labelledby=requirements-heading]');
	// The SaMD course already requires this one: requiring it back would close a circle.
	await manager.getByLabel('디지털의료기기(SaMD) 식약처 허가 실무').check();
	await requirements.getByRole('button', { name: '저장' }).click();
	await expect(manager.locator('main [role=alert]')).toContainText('선수 과정이 순환합니다');
	await expect(manager.getByLabel('디지털의료기기(SaMD) 식약처 허가 실무')).toBeChecked();
	await gotoReady(manager, manager.url());
	await expect(manager.getByLabel('디지털의료기기(SaMD) 식약처 허가 실무')).not.toBeChecked();

	// A credential granted, shown on the course page, then taken back (the demo stays as it was).
	await manager.getByLabel('수료 시 부여하는 자격').selectOption({ index: 1 });
	// The option names the credential and its validity; the course page names the credential.
	const credential = (await manager.getByLabel('수료 시 부여하는 자격').locator('option:checked').textContent())!
		.replace(/\s*\([^)]*\)\s*$/, '')
		.trim();
	await requirements.getByRole('button', { name: '저장' }).click();
	await expect(manager.locator('main [role=status]').first()).toContainText('저장했습니다');
	await gotoReady(manager, COURSE);
	await expect(manager.locator('main aside')).toContainText(credential);
	await manager.goBack();
	await gotoReady(manager, manager.url());
	await manager.getByLabel('수료 시 부여하는 자격').selectOption('');
	await requirements.getByRole('button', { name: '저장' }).click();
	await expect(manager.locator('main [role=status]').first()).toContainText('저장했습니다');
	await manager.context().close();
});
