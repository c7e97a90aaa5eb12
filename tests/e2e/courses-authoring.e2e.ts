// Course authoring end to end: the provider's course manager creates a course (a refused field keeps what
// was typed), edits it, publishes it into the catalogue, archives it out and deletes it; the survey
// results of a past cohort are shown with their CSV; people who manage nothing are refused. axe on the
// new and edit pages, at full width and at 360 px.
import { expect, test, type Page } from '@playwright/test';
import { demo, gotoReady, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

const COURSE_MANAGER = 'courses@medcluster.example';

async function catalogueHas(page: Page, title: string) {
	await gotoReady(page, `/courses?q=${encodeURIComponent(title)}`);
	return (await page.getByRole('link', { name: title }).count()) > 0;
}

test('a course manager creates, edits, publishes, archives and deletes a course', async ({ browser }) => {
	const manager = await pageAs(browser, COURSE_MANAGER);
	const titleKo = `사이버보안 실무 ${Date.now().toString(36)}`;
	const titleEn = `Cybersecurity in practice ${Date.now().toString(36)}`;

	await gotoReady(manager, '/courses/manage');
	await manager.getByRole('link', { name: '새 과정 만들기' }).click();
	await expect(manager).toHaveURL(/\/courses\/manage\/courses\/new$/);
	await manager.locator('body[data-hydrated="true"]').waitFor();
	await expectNoAxeViolations(manager);

	// A blank English title (spaces pass the browser's check) and no audience: the server names both
	// fields, and nothing typed is lost.
	await manager.locator('input[name=titleKo]').fill(titleKo);
	await manager.locator('input[name=titleEn]').fill('   ');
	await manager.locator('textarea[name=syllabusKo]').fill('1. 위협 모델링\n2. SBOM');
	await manager.locator('input[name=audiences]:checked').uncheck();
	await manager.locator('input[name=hours]').fill('12');
	await manager.getByRole('button', { name: '초안 만들기' }).click();
	await expect(manager.locator('#field-titleEn-error')).toBeVisible();
	await expect(manager.locator('#audiences-error')).toBeVisible();
	await expect(manager.locator('input[name=titleKo]')).toHaveValue(titleKo);
	await expect(manager.locator('textarea[name=syllabusKo]')).toHaveValue('1. 위협 모델링\n2. SBOM');
	await expect(manager.locator('input[name=hours]')).toHaveValue('12');
	await expectNoAxeViolations(manager);

	await manager.locator('input[name=titleEn]').fill(titleEn);
	await manager.locator('input[name=audiences][value=founders]').check();
	await manager.getByRole('button', { name: '초안 만들기' }).click();
	await expect(manager).toHaveURL(/\/courses\/manage\/courses\/[0-9a-f-]{36}\?created=1$/);
	const editPath = new URL(manager.url()).pathname;
	await manager.locator('body[data-hydrated="true"]').waitFor();
	await expect(manager.getByText('초안', { exact: true }).first()).toBeVisible();
	await expectNoAxeViolations(manager);
	// A draft is not in the catalogue, but its manager can preview it.
	expect(await catalogueHas(manager, titleKo)).toBe(false);

	// Edit a field.
	await gotoReady(manager, editPath);
	await manager.locator('input[name=hours]').fill('16');
	await manager.locator('section[aria-labelledby=details-heading] button[type=submit]').click();
	await expect(manager.locator('main').getByText('과정 정보를 저장했습니다.')).toBeVisible();
	await gotoReady(manager, editPath);
	await expect(manager.locator('input[name=hours]')).toHaveValue('16');

	// Publish: in the catalogue. Archive: out again.
	await manager.getByRole('button', { name: '게시하기' }).click();
	await expect(manager.getByRole('button', { name: '보관하기' })).toBeVisible();
	expect(await catalogueHas(manager, titleKo)).toBe(true);
	await gotoReady(manager, editPath);
	await manager.getByRole('button', { name: '보관하기' }).click();
	await expect(manager.getByRole('button', { name: '초안으로 되돌리기' })).toBeVisible();
	expect(await catalogueHas(manager, titleKo)).toBe(false);

	// At 360 px the edit page keeps working without sideways scrolling.
	await manager.setViewportSize({ width: 360, height: 800 });
	await gotoReady(manager, editPath);
	expect(await manager.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectNoAxeViolations(manager);
	await manager.setViewportSize({ width: 1280, height: 800 });

	// No cohorts: it can be deleted, after a confirmation step.
	await manager.getByText('이 과정 삭제…').click();
	await manager.getByRole('button', { name: '삭제하기' }).click();
	await expect(manager).toHaveURL(/\/courses\/manage\?deleted=1$/);
	expect((await manager.goto(editPath))?.status()).toBe(404);
	await manager.context().close();
});

test('survey results of a past cohort, with its CSV; people who manage nothing are refused', async ({ browser }) => {
	const manager = await pageAs(browser, COURSE_MANAGER);
	await gotoReady(manager, '/courses/manage');
	// A seeded course of the manager's organisation: its past cohort has four anonymous answers.
	const section = manager
		.locator('section.card')
		.filter({ has: manager.locator('a[href="/courses/mfds-approval-basics"]') });
	const editPath = (await section.locator('a[href^="/courses/manage/courses/"]').getAttribute('href'))!;
	await gotoReady(manager, editPath);
	const survey = manager.locator('section[aria-labelledby=survey-heading]');
	// The demo's past cohort has four anonymous answers: averages and a CSV link.
	await expect(survey.getByText(/\d\.\d\d \/ 5/).first()).toBeVisible();
	const csvHref = await survey.locator('a[href$="/survey.csv"]').first().getAttribute('href');
	const csv = await manager.request.get(csvHref!);
	expect(csv.status()).toBe(200);
	expect((await csv.text()).trim().split('\n').length).toBeGreaterThanOrEqual(4);
	// A cohort with a course that has cohorts cannot be deleted: the page says why instead of offering it.
	await expect(manager.locator('section[aria-labelledby=delete-heading] button')).toHaveCount(0);

	const member = await pageAs(browser, demo.startup);
	expect((await member.goto(editPath))?.status()).toBe(403);
	expect((await member.goto('/courses/manage'))?.status()).toBe(403);
	expect((await member.goto('/courses/manage/courses/new'))?.status()).toBe(403);
	expect((await member.request.get(csvHref!)).status()).toBe(403);

	// An organisation owner with no course yet gets the empty page and the way to start one.
	const owner = await pageAs(browser, demo.startupAdmin);
	await gotoReady(owner, '/courses/manage');
	await expect(owner.getByText('아직 관리하는 과정이 없습니다')).toBeVisible();
	await expect(owner.getByRole('link', { name: '새 과정 만들기' })).toBeVisible();
	await expectNoAxeViolations(owner);
	for (const page of [manager, member, owner]) await page.context().close();
});
