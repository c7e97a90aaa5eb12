// Programmes end to end: an agency posts a call, a startup applies with a PDF, two reviewers score
// (blind until each submits), the manager selects after the call closes, the startup sees it.
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { demo, gotoReady, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

// Form posts here write several rows and notify people; on a busy two-core machine they can take seconds.
const expect = baseExpect.configure({ timeout: 20_000 });

const TITLE = `E2E 디지털헬스 점프업 ${Date.now().toString(36)}`;
const REVIEWER = 'reviewer@medcluster.example';

/** `YYYY-MM-DDTHH:mm` on Seoul's clock, `minutes` from now (rounded up to a whole minute). */
function seoulLocal(minutes: number): string {
	const at = new Date(Math.ceil((Date.now() + minutes * 60_000) / 60_000) * 60_000 + 9 * 3_600_000);
	return at.toISOString().slice(0, 16);
}

async function expectNoHorizontalScroll(page: Page) {
	await page.setViewportSize({ width: 360, height: 800 });
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	await page.setViewportSize({ width: 1280, height: 800 });
}

async function review(page: Page, callPath: string, score: string, comment: string) {
	await gotoReady(page, `${callPath}/review`);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: '신고하고 심사 시작' }).click();
	await page.locator('main').getByRole('link', { name: '펄스와이즈' }).first().click();
	await expect(page.locator('main h2').filter({ hasText: '나의 평가' })).toBeVisible();
	await expect(page.locator('main')).toContainText('자신의 평가를 제출하면');
	await expectNoAxeViolations(page);
	await page.locator(`input[name=score_c0][value="${score}"]`).check();
	await page.locator('textarea[name=comment]').fill(comment);
	await page.getByRole('button', { name: '평가 제출' }).click();
	await expect(page.locator('main')).toContainText('평가를 제출했습니다');
}

test('an agency posts a call, a startup applies with a PDF, two reviewers score, the manager selects', async ({
	browser
}) => {
	// Four people, a call that must close before selection (up to two minutes), and many axe scans.
	test.setTimeout(720_000);
	const operator = await pageAs(browser, demo.operator);
	await gotoReady(operator, '/programmes/new');
	await expectNoAxeViolations(operator);
	await operator
		.locator('select[name=orgId]')
		.selectOption({ label: '원주의료기기테크노밸리' })
		.catch(() => undefined);
	await operator.locator('input[name=programme_key]').fill(`e2e-${Date.now().toString(36)}`);
	await operator.locator('input[name=title_ko]').fill(TITLE);
	await operator.locator('input[name=title_en]').fill('E2E digital-health Jump-Up');
	await operator.locator('textarea[name=description_ko]').fill('의료IT 기업의 진단과 컨설팅을 지원합니다.');
	await operator.locator('input[name=budget_krw]').fill('90000000');
	await operator.locator('input[name=places]').fill('1');
	await operator.locator('input[name=opens_at]').fill(seoulLocal(-60));
	await operator.locator('input[name=closes_at]').fill(seoulLocal(2));
	await operator.locator('input[name=programme_ends_at]').fill(seoulLocal(60 * 24 * 150));
	await operator.locator('#call-kind-company').check();
	await operator.locator('select[name=q0_kind]').selectOption('short_text');
	await operator.locator('input[name=q0_label_ko]').fill('과제명');
	await operator.locator('input[name=q0_label_en]').fill('Project title');
	await operator.locator('input[name=q0_required]').check();
	await operator.locator('select[name=q1_kind]').selectOption('file');
	await operator.locator('input[name=q1_label_ko]').fill('사업계획서');
	await operator.locator('input[name=q1_label_en]').fill('Business plan');
	await operator.locator('input[name=q1_required]').check();
	await operator.locator('input[name=r0_label_ko]').fill('기술성');
	await operator.locator('input[name=r0_label_en]').fill('Technology');
	await operator.locator('textarea[name=reviewer_emails]').fill(`${REVIEWER}, ${demo.facility}`);
	await operator.getByRole('button', { name: '공고 등록' }).click();
	await expect(operator).toHaveURL(/\/programmes\/[0-9a-f-]+\?created$/);
	await expect(operator.locator('main h1')).toHaveText(TITLE);
	const callPath = new URL(operator.url()).pathname;
	await expectNoAxeViolations(operator);

	// The startup finds the call in the list and applies with a business plan.
	const startup = await pageAs(browser, demo.startupAdmin);
	await gotoReady(startup, '/programmes');
	await expectNoAxeViolations(startup);
	await expectNoHorizontalScroll(startup);
	await startup.getByRole('link', { name: TITLE }).click();
	await startup.locator('body[data-hydrated="true"]').waitFor();
	await startup.locator('input[name=answer_q0]').fill('AI 심전도 선별 고도화');
	await startup.getByRole('button', { name: '임시 저장' }).click();
	await expect(startup.locator('main')).toContainText('임시 저장되었습니다');
	// The draft keeps what was saved.
	await expect(startup.locator('input[name=answer_q0]')).toHaveValue('AI 심전도 선별 고도화');
	await expectNoAxeViolations(startup);
	await expectNoHorizontalScroll(startup);
	await startup.locator('input[name=file_q1]').setInputFiles({
		name: '사업계획서.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('%PDF-1.7\n% plan\n%%EOF\n')
	});
	await startup.getByRole('button', { name: '제출', exact: true }).click();
	await expect(startup.locator('main')).toContainText('신청서가 제출되었습니다');
	await expect(startup.locator('main')).toContainText('제출 완료');

	// Two reviewers declare, then score; each sees the other's score only after submitting.
	const first = await pageAs(browser, REVIEWER);
	await review(first, callPath, '5', '기술 완성도가 높습니다.');
	await expect(first.locator('main')).toContainText('아직 제출된 평가가 없습니다');
	const second = await pageAs(browser, demo.facility);
	await review(second, callPath, '3', '시장 검증이 더 필요합니다.');
	await expect(second.locator('main')).toContainText('기술 완성도가 높습니다.');
	await expectNoAxeViolations(second);

	// After the call closes, the manager sees the aggregate and selects.
	await gotoReady(operator, `${callPath}/manage`);
	await expectNoAxeViolations(operator);
	await expect(async () => {
		await operator.reload();
		await expect(operator.getByRole('button', { name: /펄스와이즈 선정/ })).toBeVisible({ timeout: 1_000 });
	}).toPass({ timeout: 200_000, intervals: [5_000] });
	await expect(operator.locator('main table')).toContainText('4.00');
	await expectNoAxeViolations(operator);
	await operator.getByRole('button', { name: /펄스와이즈 선정/ }).click();
	await expect(operator.locator('main')).toContainText('결정을 저장하고');

	// The startup sees it is selected, and its profile says so.
	await gotoReady(startup, callPath);
	await expect(startup.locator('main p').filter({ hasText: '상태' })).toContainText('선정');
	await expect(startup.getByRole('region', { name: '선정 기업' })).toContainText('펄스와이즈');
	await gotoReady(startup, '/orgs/pulsewise');
	await expect(startup.getByRole('region', { name: '선정된 지원사업' })).toContainText(TITLE);
	await expectNoAxeViolations(startup);
});
