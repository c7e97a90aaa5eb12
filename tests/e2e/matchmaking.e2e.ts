// Matchmaking end to end: Pulsewise's admin sees investors suggested with why lines and the seeded
// day; a Hanbit member takes a pick back and picks again; the operator creates a day and schedules the
// seeded one, after which both sides see their slot. Axe on each page.
import { expect as baseExpect, test } from '@playwright/test';
import { demo, gotoReady, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

const expect = baseExpect.configure({ timeout: 20_000 });
const DAY = '2027 봄 투자 매칭 데이 / Spring 2027 investor matchmaking day';
const SLOT = '펄스와이즈 × 한빛메디컬벤처스';

test('startups see suggested investors with why lines, and a scheduled day gives both sides their slot', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const startup = await pageAs(browser, demo.startupAdmin);
	// Reached from the IR sessions page.
	await gotoReady(startup, '/ir');
	await startup.getByRole('link', { name: /매칭 데이|matchmaking days/i }).click();
	await expect(startup).toHaveURL(/\/matchmaking$/);
	await expectNoAxeViolations(startup);
	const hanbit = startup.locator('main li.card').filter({ hasText: '한빛메디컬벤처스' });
	await expect(hanbit).toContainText(/공통 분야|인허가 단계 일치/);
	await expect(startup.getByRole('article', { name: DAY })).toContainText('아직 배정된 미팅이 없습니다');

	// The thesis shows on the investor's directory profile.
	await gotoReady(startup, '/orgs/hanbit-medical-ventures');
	await expect(startup.locator('#thesis-title')).toHaveText('투자 기준');

	// A plain member of Hanbit takes back its seeded pick and picks again (from the keyboard).
	const investor = await pageAs(browser, demo.investor);
	await gotoReady(investor, '/matchmaking');
	await expectNoAxeViolations(investor);
	const day = investor.getByRole('article', { name: DAY });
	await day.getByRole('button', { name: '펄스와이즈 선택 취소' }).click();
	await day.getByRole('button', { name: '펄스와이즈 선택', exact: true }).focus();
	await investor.keyboard.press('Enter');
	await expect(day.getByRole('button', { name: '펄스와이즈 선택 취소' })).toBeVisible();

	// The operator creates a day, then schedules the seeded one.
	const operator = await pageAs(browser, demo.operator);
	await gotoReady(operator, '/matchmaking');
	await expectNoAxeViolations(operator);
	const form = operator.locator('form[action="?/createDay"]');
	await form.getByLabel('제목').fill('E2E 매칭 데이');
	await form.getByLabel('날짜', { exact: true }).fill('2027-05-20');
	await form.getByLabel('선택 마감일(서울 18:00)').fill('2027-05-13');
	await form.getByLabel('펄스와이즈').check();
	await form.getByLabel('한빛메디컬벤처스').check();
	await form.getByRole('button', { name: '매칭 데이 만들기' }).click();
	await expect(operator.locator('main')).toContainText('매칭 데이를 만들었습니다');
	await expect(operator.getByRole('article', { name: 'E2E 매칭 데이' })).toBeVisible();
	await operator.getByRole('article', { name: DAY }).getByRole('button', { name: '상호 선택 일정 배정' }).click();
	await expect(operator.locator('main')).toContainText('미팅 1건을 배정했습니다');
	await expect(operator.getByRole('article', { name: DAY })).toContainText(SLOT);

	for (const side of [startup, investor]) {
		await gotoReady(side, '/matchmaking');
		await expect(side.getByRole('article', { name: DAY })).toContainText(SLOT);
		await expectNoAxeViolations(side);
	}
});

test("an investor organisation's admin states the thesis: a wrong ticket range is refused and nothing typed is lost", async ({
	browser
}) => {
	const admin = await pageAs(browser, demo.investorAdmin);
	await gotoReady(admin, '/matchmaking');
	const thesis = admin.locator('form[action="?/thesis"]');
	await expect(thesis).toHaveCount(1);
	await expectNoAxeViolations(admin);
	const min = thesis.locator('input[name=ticket_min_krw]');
	const max = thesis.locator('input[name=ticket_max_krw]');
	const seriesB = thesis.locator('input[name=stages][value=series_b]');
	const wasTicked = await seriesB.isChecked();
	await min.fill('5000000000');
	await max.fill('1000000000');
	await seriesB.setChecked(!wasTicked);
	await thesis.getByRole('button', { name: '투자 기준 저장' }).click();
	await expect(admin.getByText('최소 투자 금액은 최대 금액보다 클 수 없습니다.')).toBeVisible();
	await expect(min).toHaveValue('5000000000');
	await expect(max).toHaveValue('1000000000');
	await expect(seriesB).toBeChecked({ checked: !wasTicked });
	await expectNoAxeViolations(admin);

	await max.fill('10000000000');
	await thesis.getByRole('button', { name: '투자 기준 저장' }).click();
	await expect(admin.getByText('투자 기준을 저장했습니다.')).toBeVisible();
	await gotoReady(admin, '/matchmaking');
	await expect(min).toHaveValue('5000000000');
	await expect(max).toHaveValue('10000000000');
	await expect(seriesB).toBeChecked({ checked: !wasTicked });

	// A plain member of the same fund sees no thesis form; the startup still gets Hanbit with its why lines.
	const member = await pageAs(browser, demo.investor);
	await gotoReady(member, '/matchmaking');
	await expect(member.locator('form[action="?/thesis"]')).toHaveCount(0);
	const startup = await pageAs(browser, demo.startupAdmin);
	await gotoReady(startup, '/matchmaking');
	await expect(startup.locator('main li.card').filter({ hasText: '한빛메디컬벤처스' })).toContainText(
		/공통 분야|인허가 단계 일치/
	);
	for (const page of [admin, member, startup]) await page.context().close();
});
