// Editing a programme call (issue 15): once the call is open, a change to its rules is refused with
// a message naming the field, while a later deadline and more places save (from the keyboard) and
// the startup that is applying hears of the new deadline. Another agency's member cannot edit.
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { demo, gotoReady, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

const expect = baseExpect.configure({ timeout: 20_000 });
const TITLE = `E2E 수정 공고 ${Date.now().toString(36)}`;

/** `YYYY-MM-DDTHH:mm` on Seoul's clock, `minutes` from now. */
function seoulLocal(minutes: number): string {
	const at = new Date(Math.ceil((Date.now() + minutes * 60_000) / 60_000) * 60_000 + 9 * 3_600_000);
	return at.toISOString().slice(0, 16);
}

async function postOpenCall(operator: Page): Promise<string> {
	await gotoReady(operator, '/programmes/new');
	await operator.locator('input[name=programme_key]').fill(`e2e-edit-${Date.now().toString(36)}`);
	await operator.locator('input[name=title_ko]').fill(TITLE);
	await operator.locator('input[name=title_en]').fill('E2E editable call');
	await operator.locator('input[name=budget_krw]').fill('50000000');
	await operator.locator('input[name=places]').fill('2');
	await operator.locator('input[name=opens_at]').fill(seoulLocal(-60));
	await operator.locator('input[name=closes_at]').fill(seoulLocal(60 * 24));
	await operator.locator('input[name=programme_ends_at]').fill(seoulLocal(60 * 24 * 100));
	await operator.locator('#call-kind-company').check();
	await operator.locator('input[name=q0_label_ko]').fill('과제명');
	await operator.locator('input[name=q0_label_en]').fill('Project title');
	await operator.locator('input[name=r0_label_ko]').fill('기술성');
	await operator.locator('input[name=r0_label_en]').fill('Technology');
	await operator.getByRole('button', { name: '공고 등록' }).click();
	await expect(operator).toHaveURL(/\/programmes\/[0-9a-f-]+\?created$/);
	return new URL(operator.url()).pathname;
}

test('a call manager edits an open call: rule changes are refused by name, a later deadline is announced', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const operator = await pageAs(browser, demo.operator);
	const callPath = await postOpenCall(operator);

	// A startup starts applying, so it has something to be told.
	const startup = await pageAs(browser, demo.startupAdmin);
	await gotoReady(startup, callPath);
	await startup.locator('input[name=answer_q0]').fill('AI 심전도 선별');
	await startup.getByRole('button', { name: '임시 저장' }).click();
	await expect(startup.locator('main')).toContainText('임시 저장되었습니다');

	await gotoReady(operator, callPath);
	await operator.getByRole('link', { name: '공고 수정' }).click();
	await expect(operator.locator('main h1')).toHaveText('공고 수정');
	await expect(operator.locator('main')).toContainText('접수 중인 공고입니다');
	await expect(operator.locator('input[name=title_ko]')).toHaveValue(TITLE);
	await expectNoAxeViolations(operator);

	// The title is part of what applicants are applying under: refused, naming the field, nothing saved.
	await operator.locator('input[name=title_ko]').fill(`${TITLE} (변경)`);
	await operator.getByRole('button', { name: '변경 내용 저장' }).click();
	await expect(operator.locator('main [role=alert]').first()).toContainText(
		"접수가 시작된 공고는 '제목 (한국어)' 항목을 바꿀 수 없습니다"
	);
	await expectNoAxeViolations(operator);
	// Fewer places are refused too.
	await operator.locator('input[name=title_ko]').fill(TITLE);
	await operator.locator('input[name=places]').fill('1');
	await operator.getByRole('button', { name: '변경 내용 저장' }).click();
	await expect(operator.locator('main [role=alert]').first()).toContainText('선정 인원을 늘릴 수만 있습니다');

	// From the keyboard: more places and a later deadline, then Enter on the save button.
	const extended = seoulLocal(60 * 24 * 3);
	await operator.locator('input[name=places]').focus();
	await operator.keyboard.press('ControlOrMeta+a');
	await operator.keyboard.type('4');
	await operator.locator('input[name=closes_at]').fill(extended);
	await operator.getByRole('button', { name: '변경 내용 저장' }).focus();
	await operator.keyboard.press('Enter');
	await expect(operator.locator('main [role=status]').filter({ hasText: '공고를 수정했습니다' })).toBeVisible();
	await expect(operator.locator('main')).toContainText(/지원 기업 담당자 \d+명에게 알렸습니다/);
	await expect(operator.locator('input[name=places]')).toHaveValue('4');
	await expect(operator.locator('input[name=closes_at]')).toHaveValue(extended);

	// The startup's admin has the notification.
	await gotoReady(startup, '/notifications');
	await expect(startup.locator('main')).toContainText(`접수 마감 연장: ${TITLE}`);

	// A company admin is no manager of the call: the edit page is closed to them.
	expect((await startup.goto(`${callPath}/edit`))?.status()).toBe(403);
	await startup.context().close();
	await operator.context().close();
});
