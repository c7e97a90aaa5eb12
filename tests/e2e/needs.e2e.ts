// Clinical needs end to end: a hospital posts → a company responds → the hospital accepts → both talk live.
import { expect, test, type Page } from '@playwright/test';
import { demo, gotoReady, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

const TITLE = `웨어러블 심전도 패치 임상 검증 ${Date.now().toString(36)}`;

async function expectNoHorizontalScroll(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
}

test('a hospital posts a need, a company responds, the hospital accepts, and both continue in the thread', async ({
	browser
}) => {
	// Two signed-in people, seven page loads and five axe scans: more than the default 30 s on a busy machine.
	test.setTimeout(120_000);
	const hospital = await pageAs(browser, demo.hospital);
	await gotoReady(hospital, '/needs/new');
	await expectNoAxeViolations(hospital);
	await hospital.locator('input[name=title_ko]').fill(TITLE);
	await hospital.locator('input[name=title_en]').fill('Clinical validation of a wearable ECG patch');
	await hospital
		.locator('textarea[name=description_ko]')
		.fill('외래 환자 **100명**을 대상으로 패치형 심전도를 검증합니다.');
	await hospital.locator('select[name=type]').selectOption('clinical_validation');
	await hospital.locator('select[name=department]').selectOption({ label: '심장내과' });
	await hospital.locator('select[name=required_stage]').selectOption('mfds_in_review');
	await hospital.locator('input[name=deadline]').fill('2027-06-30');
	await hospital.locator('input[name=support_patients]').check();
	// A file that only claims to be a PDF is refused with a message, and the form keeps what was typed.
	await hospital
		.locator('input[name=attachments]')
		.setInputFiles({ name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>not a pdf</html>') });
	await hospital.locator('main form button[type=submit]').click();
	await expect(hospital.locator('main [role=alert]').first()).toContainText('PDF 파일이 아닙니다');
	await expect(hospital.locator('input[name=title_ko]')).toHaveValue(TITLE);
	await hospital.locator('input[name=attachments]').setInputFiles({
		name: '검증 프로토콜.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('%PDF-1.7\n% protocol\n%%EOF\n')
	});
	await hospital.locator('main form button[type=submit]').click();
	await expect(hospital).toHaveURL(/\/needs\/[0-9a-f-]+\?created$/);
	await expect(hospital.locator('main h1')).toHaveText(TITLE);
	await expect(hospital.locator('main strong').filter({ hasText: '100명' })).toBeVisible();
	const needPath = new URL(hospital.url()).pathname;
	await expectNoAxeViolations(hospital);

	// The author edits the need after posting; the form comes filled in with what was posted.
	await hospital.getByRole('link', { name: '수정', exact: true }).click();
	await expect(hospital).toHaveURL(/\/edit$/);
	await expect(hospital.locator('input[name=title_ko]')).toHaveValue(TITLE);
	await expectNoAxeViolations(hospital);
	await hospital.locator('input[name=evidence_note]').fill('식약처 허가 심사 중인 제품');
	await hospital.locator('main form button[type=submit]').click();
	await expect(hospital.locator('main [role=status]').first()).toContainText('요청을 수정했습니다');
	await expect(hospital.locator('main')).toContainText('식약처 허가 심사 중인 제품');

	// The company finds it in the list and responds with a product from its profile.
	const company = await pageAs(browser, demo.startupAdmin);
	await gotoReady(company, `/needs?q=${encodeURIComponent('웨어러블 심전도')}`);
	await expect(company.locator(`main a[href="${needPath}"]`).first()).toBeVisible();
	await expectNoAxeViolations(company);
	await gotoReady(company, needPath);
	// The attachment downloads for a company that may see the need.
	const attachment = company.getByRole('link', { name: '검증 프로토콜.pdf' });
	const download = await company.request.get((await attachment.getAttribute('href'))!);
	expect(download.status()).toBe(200);
	expect(download.headers()['content-type']).toBe('application/pdf');
	const apiNeed = await (await company.request.get(`/api/v1${needPath}`)).json();
	expect(apiNeed.attachments).toEqual([
		expect.objectContaining({
			filename: '검증 프로토콜.pdf',
			url: expect.stringMatching(/^\/api\/v1\/needs\/.+\/attachments\//)
		})
	]);
	expect((await company.request.get(apiNeed.attachments[0].url)).status()).toBe(200);
	await company.locator('textarea[name=message]').fill('펄스와이즈 AF로 100명 검증을 지원하겠습니다.');
	await company.getByLabel('Pulsewise AF').or(company.getByLabel('펄스와이즈 AF')).first().check();
	await company.locator('form[action="?/respond"] button[type=submit]').click();
	await expect(company.locator('main [role=status]').first()).toContainText('제안을 보냈습니다');
	await expectNoAxeViolations(company);

	// The hospital accepts (and marks the need matched).
	await gotoReady(hospital, needPath);
	const accept = hospital
		.locator('form[action="?/decide"]')
		.filter({ has: hospital.locator('input[name=decision][value=accepted]') });
	// Accepting asks first (issue 21): saying no changes nothing, saying yes accepts.
	hospital.once('dialog', (dialog) => void dialog.dismiss());
	await accept.locator('button[type=submit]').click();
	await expect(hospital.locator('main [role=status]')).toHaveCount(0);
	hospital.once('dialog', (dialog) => {
		expect(dialog.message()).toContain('수락할까요');
		void dialog.accept();
	});
	await accept.locator('button[type=submit]').click();
	await expect(hospital.locator('main [role=status]').first()).toContainText('결정을 저장했습니다');
	await expect(hospital.locator('main header').first()).toContainText('매칭 완료');
	await expectNoAxeViolations(hospital);

	// Both sides open the thread and talk live.
	await hospital.getByRole('link', { name: '대화 열기' }).click();
	await expect(hospital).toHaveURL(/\/responses\/[0-9a-f-]+$/);
	const threadPath = new URL(hospital.url()).pathname;
	await hospital.locator('body[data-hydrated="true"]').waitFor();
	await gotoReady(company, threadPath);
	await expect(hospital.getByText('실시간 연결됨')).toBeVisible();
	await expect(company.getByText('실시간 연결됨')).toBeVisible();
	await expect(company.locator('main')).toContainText('제안이 수락되었습니다');

	await hospital.locator('textarea[name=body]').fill('12월 2일에 회의 가능하신가요?');
	await hospital.locator('main form button[type=submit]').click();
	await expect(company.locator('main ol li').filter({ hasText: '12월 2일에 회의 가능하신가요?' })).toBeVisible();
	await company.locator('textarea[name=body]').fill('네, 오후 2시에 방문하겠습니다.');
	await company.locator('main form button[type=submit]').click();
	await expect(hospital.locator('main ol li').filter({ hasText: '오후 2시에 방문하겠습니다' })).toBeVisible();
	await expectNoAxeViolations(company);

	// A narrow phone still shows the thread and the need without sideways scrolling.
	await company.setViewportSize({ width: 360, height: 740 });
	await expectNoHorizontalScroll(company);
	await gotoReady(company, needPath);
	await expectNoHorizontalScroll(company);
	await gotoReady(company, '/needs');
	await expectNoHorizontalScroll(company);
});

test("an invited-only need stays out of other members' lists and API; matches show for a company", async ({
	browser
}) => {
	test.setTimeout(90_000);
	const investor = await pageAs(browser, demo.investor);
	await gotoReady(investor, '/needs');
	await expect(investor.locator('main')).not.toContainText('흉부 X선 판독 보조 AI 다기관 검증');
	const company = await pageAs(browser, demo.startupAdmin);
	await gotoReady(company, '/needs');
	await expect(company.locator('main')).not.toContainText('흉부 X선 판독 보조 AI 다기관 검증');
	await expect(company.getByRole('heading', { name: '우리 회사에 맞는 수요' })).toBeVisible();
	await expectNoAxeViolations(company);

	// Over the API too: the invited company finds the need; another company gets 404 on every path.
	const invited = await pageAs(browser, 'hyunseok.lee@lumenscan-ai.example');
	const listed = await (await invited.request.get('/api/v1/needs?status=all')).json();
	const need = listed.needs.find(
		(n: { title: { en: string } }) => n.title.en === 'Multi-centre validation of chest X-ray reading AI'
	);
	expect(need?.visibility).toBe('invited');
	expect((await invited.request.get(`/api/v1/needs/${need.id}`)).status()).toBe(200);
	const others = (await (await company.request.get('/api/v1/needs?status=all')).json()).needs.map(
		(n: { id: string }) => n.id
	);
	expect(others).not.toContain(need.id);
	expect((await company.request.get(`/api/v1/needs/${need.id}`)).status()).toBe(404);
	expect((await company.request.get(`/api/v1/needs/${need.id}/matches`)).status()).toBe(404);
	const post = await company.request.post(`/api/v1/needs/${need.id}/responses`, {
		data: { message: 'Let us in' },
		headers: { origin: new URL(company.url()).origin }
	});
	expect(post.status()).toBe(404);
	expect((await post.json()).error.code).toBe('not_found');
	const doc = await (await company.request.get('/api/v1/openapi.json')).json();
	expect(Object.keys(doc.paths)).toEqual(
		expect.arrayContaining(['/needs', '/needs/{id}', '/needs/{id}/matches', '/needs/{id}/responses'])
	);
});
