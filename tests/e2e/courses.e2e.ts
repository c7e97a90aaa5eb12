// Courses end to end: the catalogue, enrolling, a waitlist that moves when someone cancels, the
// manager's attendance sheet; axe on every page. The seed gives the SaMD usability course a cohort of
// two places with one taken.
import { expect, test } from '@playwright/test';
import { demo, gotoReady, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

const COURSE = '/courses/samd-usability-testing';
const COURSE_MANAGER = 'courses@medcluster.example';

test('a visitor searches the catalogue and reads a course', async ({ page }) => {
	await gotoReady(page, '/courses');
	await expect(page.locator('main article')).not.toHaveCount(0);
	await expectNoAxeViolations(page);
	await page.locator('input[name=q]').fill('3D');
	await page.locator('select[name=category]').selectOption('smart_factory');
	await page.locator('main form[method=GET] button[type=submit]').click();
	await expect(page).toHaveURL(/category=smart_factory/);
	await expect(page.locator('main article')).toHaveCount(1);
	await page.locator('main article h3 a').click();
	await expect(page).toHaveURL(/\/courses\/3d-printer-safety$/);
	await expect(page.locator('main')).toContainText(/3D 프린터 안전/);
	await expect(page.locator('main')).toContainText('로그인하고 신청');
	await expectNoAxeViolations(page);
});

test('a trainee enrols, the next one is waitlisted, promoted when the first cancels, and accepts', async ({
	browser
}) => {
	const first = await pageAs(browser, demo.startup);
	await gotoReady(first, COURSE);
	await first.getByRole('button', { name: '수강 신청' }).click();
	await expect(first.locator('main [role=status]').first()).toContainText('수강이 확정되었습니다');
	await expect(first.locator('main')).toContainText('잔여 0석');
	await expectNoAxeViolations(first);

	const second = await pageAs(browser, demo.hospital);
	await gotoReady(second, COURSE);
	await second.getByRole('button', { name: '대기자 명단에 등록' }).click();
	await expect(second.locator('main [role=status]').first()).toContainText('대기자 1번으로 등록되었습니다');
	await expect(second.locator('main')).toContainText('대기 1번');

	await first.getByRole('button', { name: '신청 취소' }).click();
	await expect(first.locator('main [role=status]').first()).toContainText('취소되었습니다');

	await gotoReady(second, COURSE);
	await expect(second.locator('main')).toContainText('자리 제안');
	await expectNoAxeViolations(second);
	await second.getByRole('button', { name: '자리 수락' }).click();
	await expect(second.locator('main [role=status]').first()).toContainText('자리를 수락했습니다');
	const calendar = await second.locator('main a[href$="/meetings.ics"]').getAttribute('href');
	const ics = await second.request.get(calendar!);
	expect(ics.status()).toBe(200);
	expect((await ics.text()).match(/BEGIN:VEVENT/g)).toHaveLength(3);

	// "My courses" on the catalogue shows it, and the offer was announced in the notifications.
	await gotoReady(second, '/courses');
	await expect(second.locator('main section[aria-labelledby=my-courses-title]')).toContainText('수강 확정');
	await expectNoAxeViolations(second);
	await gotoReady(second, '/notifications');
	await expect(second.locator('main')).toContainText('자리가 났습니다');
	await first.context().close();
	await second.context().close();
});

test('the course manager takes attendance for a meeting', async ({ browser }) => {
	const manager = await pageAs(browser, COURSE_MANAGER);
	await gotoReady(manager, '/courses/manage');
	await expectNoAxeViolations(manager);
	const section = manager.locator('main section').filter({ has: manager.locator(`a[href="${COURSE}"]`) });
	await section.locator('tbody a').first().click();
	await expect(manager).toHaveURL(/\/courses\/manage\/cohorts\/[0-9a-f-]+$/);
	const boxes = manager.locator('input[name=present]');
	await expect(boxes).not.toHaveCount(0);
	await boxes.first().check();
	await manager.getByRole('button', { name: '출석 저장' }).click();
	await expect(manager.locator('main [role=status]').first()).toContainText('출석을 저장했습니다');
	await expect(manager.locator('input[name=present]').first()).toBeChecked();
	await expectNoAxeViolations(manager);
	await manager.context().close();
});

test('the manager completes a past cohort; the certificate verifies and downloads as a PDF', async ({ browser }) => {
	const manager = await pageAs(browser, COURSE_MANAGER);
	await gotoReady(manager, '/courses/manage');
	const section = manager.locator('main section').filter({ has: manager.locator(`a[href="${COURSE}"]`) });
	await section.locator('tbody a', { hasText: '지난 기수' }).click();
	await expect(manager).toHaveURL(/\/courses\/manage\/cohorts\/[0-9a-f-]+/);
	const cohortPath = new URL(manager.url()).pathname;
	// One trainee missed two of the three meetings: mark them present everywhere, then complete.
	for (const n of [1, 2, 3]) {
		await gotoReady(manager, cohortPath);
		await manager.getByRole('link', { name: `${n}회차` }).click();
		await expect(manager.locator('input[name=present]').first()).toBeVisible();
		for (const box of await manager.locator('input[name=present]').all()) await box.check();
		await manager.getByRole('button', { name: '출석 저장' }).click();
		await expect(manager.locator('main [role=status]').first()).toContainText('출석을 저장했습니다');
	}
	// Seeded serials are random too: the new certificate is the link that was not there before.
	const certificateLinks = () =>
		manager
			.locator('main a[href^="/certificates/MC-"]')
			.evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
	const before = new Set(await certificateLinks());
	expect(before.size).toBeGreaterThan(0);
	await manager.getByRole('button', { name: '수료 처리 및 수료증 발급' }).click();
	await expect(manager.locator('main [role=status]').first()).toContainText('1명에게 수료증을 발급했습니다');
	const issued = (await certificateLinks()).filter((h) => !before.has(h)).at(0)!;
	expect(issued).toMatch(/^\/certificates\/MC-\d{4}-[A-Z2-9]{8}$/);

	await gotoReady(manager, issued);
	await expect(manager.getByTestId('certificate-state')).toContainText('유효한 수료증입니다');
	await expectNoAxeViolations(manager);
	const pdf = await manager.request.get(`${issued}/certificate.pdf`);
	expect(pdf.status()).toBe(200);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
	const api = await manager.request.get(`/api/v1${issued}`);
	expect(await api.json()).toMatchObject({ valid: true, revokedAt: null });
	await manager.context().close();
});

test('the API lists courses, shows a cohort, enrols and cancels', async ({ browser }) => {
	const member = await pageAs(browser, demo.investor);
	const list = await member.request.get('/api/v1/courses?category=regulatory');
	expect(list.status()).toBe(200);
	const { courses } = await list.json();
	const basics = courses.find((c: { slug: string }) => c.slug === 'iso-13485-qms');
	expect(basics.openCohortIds.length).toBeGreaterThan(0);
	const cohortId = basics.openCohortIds[0];
	const cohort = await member.request.get(`/api/v1/cohorts/${cohortId}`);
	expect(await cohort.json()).toMatchObject({ id: cohortId, courseSlug: 'iso-13485-qms' });

	// Cookie-authenticated API writes must state this origin, as a browser's fetch does.
	const sameOrigin = { headers: { origin: new URL(member.url()).origin } };
	const created = await member.request.post(`/api/v1/cohorts/${cohortId}/enrolments`, sameOrigin);
	expect(created.status()).toBe(201);
	const enrolment = await created.json();
	expect(enrolment.status).toBe('enrolled');
	expect((await member.request.post(`/api/v1/cohorts/${cohortId}/enrolments`, sameOrigin)).status()).toBe(409);
	const cancelled = await member.request.delete(`/api/v1/enrolments/${enrolment.id}`, sameOrigin);
	expect(await cancelled.json()).toMatchObject({ id: enrolment.id, status: 'cancelled' });
	const doc = await (await member.request.get('/api/v1/openapi.json')).json();
	expect(Object.keys(doc.paths)).toEqual(
		expect.arrayContaining([
			'/courses',
			'/cohorts/{id}',
			'/cohorts/{id}/enrolments',
			'/enrolments/{id}',
			'/certificates/{serial}'
		])
	);
	await member.context().close();
});
