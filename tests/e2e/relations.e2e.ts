// Organisation relations end to end: Pulsewise's admin confirms the investment Hanbit Medical Ventures
// declared and declares a partnership with the Alliance Secretariat, whose owner confirms it; both
// show on the profiles; a repeated declaration is refused; the operator sees them all.
import { expect as baseExpect, test } from '@playwright/test';
import { demo, gotoReady, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

const expect = baseExpect.configure({ timeout: 20_000 });

test('an organisation declares a relation, the other side confirms it, and both profiles show it', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const startup = await pageAs(browser, demo.startupAdmin);
	await gotoReady(startup, '/orgs/pulsewise');
	await startup.getByRole('link', { name: '기관 관계' }).click();
	await expect(startup).toHaveURL(/\/orgs\/pulsewise\/relations$/);
	await startup.locator('body[data-hydrated="true"]').waitFor();
	await expectNoAxeViolations(startup);

	// The seeded declaration from Hanbit waits for Pulsewise: confirmed from the keyboard.
	const incoming = startup.locator('main li').filter({ hasText: '한빛메디컬벤처스' });
	await expect(incoming).toContainText('관계를 신고했습니다');
	await incoming.getByRole('button', { name: '확인' }).focus();
	await startup.keyboard.press('Enter');
	await expect(startup.locator('main')).toContainText('관계를 확인했습니다');

	// Declare a partnership with the keyboard: kind, organisation, Enter.
	await startup.locator('select[name=kind]').focus();
	await startup.locator('select[name=kind]').selectOption('partner_of');
	await startup.keyboard.press('Tab');
	await expect(startup.locator('select[name=relatedOrgId]')).toBeFocused();
	await startup.locator('select[name=relatedOrgId]').selectOption({ label: '메드클러스터 얼라이언스 사무국' });
	await startup.keyboard.press('Tab');
	await startup.keyboard.press('Enter');
	await expect(startup.locator('main')).toContainText('상대 기관의 확인을 기다립니다');
	const declared = startup.locator('main li').filter({ hasText: '메드클러스터 얼라이언스 사무국' });
	await expect(declared).toContainText('확인 대기');
	// The declarer withdraws but does not confirm its own declaration.
	await expect(declared.getByRole('button', { name: '확인' })).toHaveCount(0);
	await expect(declared.getByRole('button', { name: '철회' })).toBeVisible();
	await expectNoAxeViolations(startup);

	// The same partnership again is refused with a message.
	await startup.locator('select[name=kind]').selectOption('partner_of');
	await startup.locator('select[name=relatedOrgId]').selectOption({ label: '메드클러스터 얼라이언스 사무국' });
	await startup.getByRole('button', { name: '관계 신고' }).click();
	await expect(startup.locator('main')).toContainText('이미 신고된 관계입니다');

	// Not on the profile until the other side confirms.
	await gotoReady(startup, '/orgs/pulsewise');
	await expect(startup.locator('main')).toContainText('투자 기관');
	await expect(startup.locator('main section').filter({ hasText: '투자·협력 관계' })).not.toContainText('메드클러스터');

	// The Secretariat's owner (the demo operator) confirms it as the other side.
	const operator = await pageAs(browser, demo.operator);
	await gotoReady(operator, '/orgs/medcluster-alliance/relations');
	await expectNoAxeViolations(operator);
	const toAnswer = operator.locator('main li').filter({ hasText: '펄스와이즈' });
	await toAnswer.getByRole('button', { name: '확인' }).focus();
	await operator.keyboard.press('Enter');
	await expect(operator.locator('main')).toContainText('관계를 확인했습니다');

	for (const slug of ['pulsewise', 'medcluster-alliance']) {
		await gotoReady(startup, `/orgs/${slug}`);
		const section = startup.locator('main section').filter({ hasText: '투자·협력 관계' });
		await expect(section).toContainText('협력 기관');
		await expect(section).toContainText(slug === 'pulsewise' ? '메드클러스터 얼라이언스 사무국' : '펄스와이즈');
	}
	await gotoReady(startup, '/orgs/hanbit-medical-ventures');
	await expect(startup.locator('main section').filter({ hasText: '투자·협력 관계' })).toContainText(
		'투자한 기관: 펄스와이즈'
	);
	await expectNoAxeViolations(startup);

	// The operator's list, with its remove buttons.
	await gotoReady(operator, '/admin/relations');
	await expect(operator.locator('main table')).toContainText('펄스와이즈');
	await expectNoAxeViolations(operator);
	// Someone else's organisation: its relations page is refused.
	const hospital = await pageAs(browser, demo.hospital);
	expect((await hospital.goto('/orgs/pulsewise/relations'))?.status()).toBe(403);
});
