// IR sessions end to end: a startup admin schedules a session with an NDA and a pitch deck, an
// investor registers through the NDA click-through and downloads the deck and the calendar file, and
// nobody else gets the deck. Every IR page passes an axe WCAG 2.1 AA scan.
import { expect, test } from '@playwright/test';
import { demo, gotoReady, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

test('schedule with an NDA and a deck, register as an investor, download deck and .ics; strangers get 404', async ({
	browser,
	playwright,
	baseURL
}) => {
	test.setTimeout(180_000);
	const visitor = await (await browser.newContext()).newPage();
	await gotoReady(visitor, '/ir');
	await expect(visitor.locator('main h1')).toHaveText('IR 세션');
	await expectNoAxeViolations(visitor);

	// The startup admin schedules an investors-only session with an NDA and a deck.
	const admin = await pageAs(browser, demo.startupAdmin);
	await gotoReady(admin, '/ir');
	await admin.getByRole('link', { name: 'IR 세션 등록하기' }).click();
	await expect(admin).toHaveURL(/\/ir\/new$/);
	await admin.locator('body[data-hydrated="true"]').waitFor();
	await expectNoAxeViolations(admin);
	await admin.locator('input[name=title_ko]').fill('E2E 시리즈 B 투자 설명회');
	await admin.locator('input[name=title_en]').fill('E2E Series B pitch');
	await admin.locator('textarea[name=summary_ko]').fill('**매출 성장**과 해외 진출 계획');
	await admin.locator('input[name=starts_at]').fill(`${day(5)}T10:00`);
	await admin.locator('select[name=access]').selectOption('investors');
	await admin.locator('input[name=nda_required]').check();
	await admin.locator('input[name=nda_version]').fill('e2e-v1');
	await admin.locator('textarea[name=nda_text]').fill('본 자료는 비밀입니다. / This material is confidential.');
	await admin
		.locator('input[name=deck]')
		.setInputFiles({ name: 'series-b.pdf', mimeType: 'application/pdf', buffer: PDF });
	await admin.locator('main form[enctype="multipart/form-data"] button[type=submit]').click();
	await expect(admin).toHaveURL(/\/ir\/[0-9a-f-]{36}\?scheduled$/);
	const path = new URL(admin.url()).pathname;
	await expect(admin.locator('main')).toContainText('세션을 등록했습니다.');
	await expect(admin.locator('main')).toContainText('매출 성장');
	await expectNoAxeViolations(admin);

	// The investor reads the NDA, accepts it and registers.
	const investor = await pageAs(browser, demo.investor);
	await gotoReady(investor, path);
	await expect(investor.getByRole('region', { name: /NDA/ })).toContainText('This material is confidential.');
	await expectNoAxeViolations(investor);
	await investor.getByLabel(/NDA\(버전 e2e-v1\)/).check();
	await investor.getByRole('button', { name: '등록하기' }).click();
	await expect(investor.locator('main')).toContainText('등록했습니다.');
	await expect(investor.getByRole('link', { name: '라이브 룸 입장' })).toHaveAttribute('href', `${path}/live`);

	// Under the NDA the registrant reads the deck in the deck room; the PDF itself stays with the team.
	expect((await investor.request.get(`${path}/deck/pdf`)).status()).toBe(403);
	const deck = await admin.request.get(`${path}/deck/pdf`);
	expect(deck.status()).toBe(200);
	expect(deck.headers()['content-type']).toBe('application/pdf');
	expect(deck.headers()['content-disposition']).toContain('series-b.pdf');
	expect((await deck.body()).subarray(0, 5).toString()).toBe('%PDF-');
	const ics = await investor.request.get(`${path}/session.ics`);
	expect(ics.status()).toBe(200);
	const calendar = await ics.text();
	expect(calendar).toContain(`UID:ir-${path.split('/')[2]}@`);
	expect(calendar).toContain('STATUS:CONFIRMED');
	expect(calendar).toContain(`DTSTART:${day(5).replace(/-/g, '')}T010000Z`);

	// A hospital member (verified, not an investor) is told why and gets no deck; a visitor is sent to sign in.
	const hospital = await pageAs(browser, demo.hospital);
	await gotoReady(hospital, path);
	await expect(hospital.locator('main')).toContainText('인증된 투자사 구성원만');
	expect((await hospital.request.get(`${path}/deck/pdf`)).status()).toBe(404);
	const anonymous = await playwright.request.newContext({ baseURL });
	const redirected = await anonymous.get(`${path}/deck/pdf`, { maxRedirects: 0 });
	expect(redirected.status()).toBe(303);
	expect((await anonymous.get(`${path}/questions.csv`, { maxRedirects: 0 })).status()).toBe(303);
	await anonymous.dispose();

	// The startup admin sees the registrant in the analytics; the investor may not open them.
	await gotoReady(admin, `${path}/analytics`);
	await expect(admin.locator('main table')).toContainText('한빛');
	await expectNoAxeViolations(admin);
	expect((await investor.request.get(`${path}/analytics`)).status()).toBe(404);
	expect((await hospital.request.get(`${path}/questions.csv`)).status()).toBe(404);

	// Moving the session raises the calendar's SEQUENCE; cancelling marks it CANCELLED.
	await gotoReady(admin, `${path}/edit`);
	await expectNoAxeViolations(admin);
	await admin.locator('input[name=starts_at]').fill(`${day(6)}T11:00`);
	await admin.getByRole('button', { name: '저장' }).click();
	await expect(admin).toHaveURL(new RegExp(`${path}\\?saved$`));
	const moved = await (await investor.request.get(`${path}/session.ics`)).text();
	expect(moved).toContain('SEQUENCE:1');
	expect(moved).toContain(`DTSTART:${day(6).replace(/-/g, '')}T020000Z`);
	await gotoReady(admin, `${path}/edit`);
	await admin.locator('textarea[name=reason]').fill('발표자 사정으로 연기합니다.');
	await admin.getByRole('button', { name: '세션 취소' }).click();
	await expect(admin.locator('main')).toContainText('이 세션은 취소되었습니다.');
	const cancelled = await (await investor.request.get(`${path}/session.ics`)).text();
	expect(cancelled).toContain('STATUS:CANCELLED');
	expect(cancelled).toContain('SEQUENCE:2');
});

test('the list filters by tab and shows the seeded sessions; the past analytics and CSV work', async ({ browser }) => {
	test.setTimeout(120_000);
	const investor = await pageAs(browser, demo.investor);
	await gotoReady(investor, '/ir');
	await expect(investor.locator('main')).toContainText('펄스와이즈 시리즈 A');
	await expectNoAxeViolations(investor);
	await investor.getByRole('link', { name: '지난 세션' }).click();
	await expect(investor).toHaveURL(/tab=past/);
	await expect(investor.locator('main')).toContainText('바이탈패치 시드 라운드');

	const operator = await pageAs(browser, demo.operator);
	await gotoReady(operator, '/ir?tab=past');
	await operator.getByRole('link', { name: /바이탈패치 시드 라운드/ }).click();
	await operator.getByRole('link', { name: '세션 분석' }).click();
	await expect(operator).toHaveURL(/\/analytics$/);
	await expect(operator.locator('main')).toContainText('최대 동시 시청자');
	await expectNoAxeViolations(operator);
	const csv = await operator.request.get(`${new URL(operator.url()).pathname.replace(/analytics$/, 'questions.csv')}`);
	expect(csv.status()).toBe(200);
	const bytes = await csv.body();
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const text = bytes.toString('utf8');
	expect(text).toContain("'=HYPERLINK");
	expect(text).toContain('\r\n');
});
