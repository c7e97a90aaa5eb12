// Follow-up meetings end to end, on the seeded accepted match (Wonju Severance ↔ Pulsewise): the
// company proposes two times, the hospital accepts one, and both get the calendar file.
import { expect, test } from '@playwright/test';
import { demo, gotoReady, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('a company proposes a meeting on an accepted response and the hospital accepts a time', async ({ browser }) => {
	test.setTimeout(120_000);
	const company = await pageAs(browser, demo.startupAdmin);
	await gotoReady(company, `/needs?status=all&q=${encodeURIComponent('스마트워치 심방세동')}`);
	await company
		.getByRole('link', { name: /스마트워치 심방세동 선별/ })
		.first()
		.click();
	await company.getByRole('link', { name: '대화 열기' }).first().click();
	await expect(company).toHaveURL(/\/responses\/[0-9a-f-]+$/);
	await company.locator('body[data-hydrated="true"]').waitFor();
	await company.getByRole('link', { name: '미팅 제안' }).click();
	await expect(company).toHaveURL(/\/meeting$/);
	await company.locator('body[data-hydrated="true"]').waitFor();
	await expectNoAxeViolations(company);
	await company.locator('input[name=start_1]').fill(`${day(3)}T10:00`);
	await company.locator('input[name=start_2]').fill(`${day(4)}T15:30`);
	await company.locator('textarea[name=message]').fill('연구 책임자와 30분 통화를 제안드립니다.');
	await company.locator('main form button[type=submit]').click();
	await expect(company).toHaveURL(/\/meetings\/[0-9a-f-]+$/);
	await expect(company.locator('main')).toContainText('응답 대기');
	await expectNoAxeViolations(company);
	const meetingPath = new URL(company.url()).pathname;

	const hospital = await pageAs(browser, demo.hospital);
	await gotoReady(hospital, '/meetings');
	await expect(hospital.locator(`main a[href="${meetingPath}"]`)).toBeVisible();
	await expectNoAxeViolations(hospital);
	await gotoReady(hospital, meetingPath);
	await expectNoAxeViolations(hospital);
	await hospital.locator('form[action="?/accept"]').nth(1).locator('button[type=submit]').click();
	await expect(hospital.locator('main header')).toContainText('확정');
	const ics = await hospital.request.get(`${meetingPath}/meeting.ics`);
	expect(ics.status()).toBe(200);
	const body = await ics.text();
	expect(body).toContain('STATUS:CONFIRMED');
	expect(body).toContain(`DTSTART:${day(4).replace(/-/g, '')}T063000Z`);

	await gotoReady(company, meetingPath);
	await expect(company.getByRole('link', { name: /캘린더에 추가/ })).toBeVisible();
});
