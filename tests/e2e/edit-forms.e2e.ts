// Issue 21: every manager and admin edit form shows the saved values after saving, and saving twice
// changes nothing. Each form is edited, saved, saved again untouched, then read back from a fresh
// server render (what the database holds) and compared with what was entered.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demo, gotoReady, pageAs } from './support/accounts';

const COURSE_MANAGER = 'courses@medcluster.example';

test.describe.configure({ mode: 'serial' });

/** Every named control of a form as the browser would submit it: text as typed, boxes as ticked. */
function formValues(form: Locator): Promise<Record<string, string>> {
	return form.evaluate((f: HTMLFormElement) => {
		const out: Record<string, string> = {};
		for (const el of Array.from(f.elements)) {
			if (
				!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) ||
				!el.name
			)
				continue;
			if (el instanceof HTMLInputElement && el.type === 'file') continue;
			if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio'))
				out[`${el.name}=${el.value}`] = String(el.checked);
			else out[el.name] = el.value;
		}
		return out;
	});
}

/** Submits with the form's own save button and waits until the enhanced update has finished. */
async function save(form: Locator) {
	const page = form.page();
	await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		form.locator('button[type=submit]:not([formaction])').last().click()
	]);
	await expect(form.locator('button[aria-busy=true]')).toHaveCount(0);
}

/** Edit, save, save again untouched, reload: the form shows what was entered at every step. */
async function saveTwiceAndReload(page: Page, formSelector: string, edit: (form: Locator) => Promise<void>) {
	const form = page.locator(formSelector).first();
	await edit(form);
	const entered = await formValues(form);
	await save(form);
	await expect(page.locator('main [role=alert]')).toHaveCount(0);
	expect(await formValues(form), 'after the first save').toEqual(entered);
	await save(form);
	expect(await formValues(form), 'after the second save').toEqual(entered);
	await gotoReady(page, new URL(page.url()).pathname + new URL(page.url()).search);
	expect(await formValues(page.locator(formSelector).first()), 'from the database').toEqual(entered);
	return entered;
}

test('a facility manager saves a resource and its hours twice and nothing is lost', async ({ browser }) => {
	const manager = await pageAs(browser, demo.facility);
	await gotoReady(manager, '/testbed/manage/resources');
	await manager.locator('main a[href^="/testbed/manage/resources/"]:not([href$="/new"])').first().click();
	await manager.locator('body[data-hydrated="true"]').waitFor();
	const entered = await saveTwiceAndReload(manager, 'form[action="?/save"]', async (form) => {
		await form.locator('#res-description-ko').fill('교정된 장비입니다.\n두 번 저장해도 남아야 합니다.');
		await form.locator('#res-rules-en').fill('Bring your own test plan.');
		await form.locator('#res-auto-confirm').check();
		await form.locator('#res-active').check();
	});
	expect(entered['description_ko']).toContain('두 번 저장해도');
	expect(entered['active=on']).toBe('true');
	await saveTwiceAndReload(manager, 'form[action="?/hours"]', async (form) => {
		await form.locator('#opens-2').fill('08:30');
		await form.locator('#closes-2').fill('17:30');
	});
	await manager.context().close();
});

test('a course manager saves attendance twice and the marks stay', async ({ browser }) => {
	const manager = await pageAs(browser, COURSE_MANAGER);
	await gotoReady(manager, '/courses/manage');
	// A cohort with people seated: the first cohort page that has an attendance form.
	const links = await manager
		.locator('main tbody a[href^="/courses/manage/cohorts/"]')
		.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
	let found = false;
	for (const href of links) {
		await gotoReady(manager, href);
		if ((await manager.locator('form[action="?/attendance"] input[name=present]').count()) >= 2) {
			found = true;
			break;
		}
	}
	expect(found, 'a seeded cohort with a roster').toBe(true);
	const entered = await saveTwiceAndReload(manager, 'form[action="?/attendance"]', async (form) => {
		const boxes = form.locator('input[name=present]');
		await boxes.nth(0).check();
		await boxes.nth(1).uncheck();
	});
	expect(Object.values(entered)).toContain('true');
	await manager.context().close();
});

test('an org admin saves the profile and a product twice', async ({ browser }) => {
	const admin = await pageAs(browser, demo.startupAdmin);
	await gotoReady(admin, '/orgs/pulsewise/edit');
	await saveTwiceAndReload(admin, 'form[action="?/save"]', async (form) => {
		await form.locator('#field-descriptionKo').fill('두 번 저장해도 남는 소개입니다.');
		await form.locator('input[name=lookingForPartners]').check();
	});
	await gotoReady(admin, '/orgs/pulsewise/products');
	await admin.locator('main a[href^="?edit="]').first().click();
	await expect(admin.locator('form[action="?/update"]')).toBeVisible();
	await admin.locator('body[data-hydrated="true"]').waitFor();
	await saveTwiceAndReload(admin, 'form[action="?/update"]', async (form) => {
		await form.locator('#edit-summaryKo').fill('두 번 저장한 요약');
		await form.locator('#edit-ceClass').selectOption({ index: 2 });
	});
	await admin.context().close();
});

test('a member saves the account settings twice and stays listed', async ({ browser }) => {
	const member = await pageAs(browser, demo.startup);
	await gotoReady(member, '/settings');
	const entered = await saveTwiceAndReload(member, 'main form.card', async (form) => {
		await form.locator('textarea[name=expertise]').fill('심전도 알고리즘, 임상 검증');
		await form.locator('input[name=directoryListed]').check();
	});
	expect(entered['directoryListed=on']).toBe('true');
	await member.context().close();
});

test('an operator renames a taxonomy term twice', async ({ browser }) => {
	const operator = await pageAs(browser, demo.operator);
	await gotoReady(operator, '/admin/taxonomy');
	await saveTwiceAndReload(operator, 'main form[action="?/update"]', async (form) => {
		await form.locator('input[name=name_en]').fill('Renamed twice');
	});
	await operator.context().close();
});

test('a hospital edits a need and a startup its IR session, twice each', async ({ browser }) => {
	const hospital = await pageAs(browser, demo.hospital);
	await gotoReady(hospital, `/needs?q=${encodeURIComponent('응급실 무선 활력징후')}`);
	await hospital.locator('main a[href^="/needs/"]', { hasText: '응급실 무선 활력징후' }).first().click();
	await hospital.locator('main a[href$="/edit"]').click();
	await expect(hospital).toHaveURL(/\/edit$/);
	await hospital.locator('body[data-hydrated="true"]').waitFor();
	const editUrl = new URL(hospital.url()).pathname;
	const need = hospital.locator('main form.card');
	await need.locator('input[name=evidence_note]').fill('두 번 저장');
	const entered = await formValues(need);
	for (let i = 0; i < 2; i++) {
		await need.locator('button[type=submit]').click();
		await expect(hospital).toHaveURL(/\/needs\/[0-9a-f-]+\?updated$/);
		await gotoReady(hospital, editUrl);
		expect(await formValues(need)).toEqual(entered);
	}
	await hospital.context().close();

	const startup = await pageAs(browser, demo.startupAdmin);
	await gotoReady(startup, '/ir');
	await startup.locator('main a[href^="/ir/"]', { hasText: '펄스와이즈 시리즈 A' }).first().click();
	await startup.locator('main a[href$="/edit"]').click();
	await expect(startup).toHaveURL(/\/edit$/);
	await startup.locator('body[data-hydrated="true"]').waitFor();
	const irEdit = new URL(startup.url()).pathname;
	const session = startup.locator('form[action="?/save"]');
	await session.locator('#ir-summary-en').fill('Saved twice, still here.');
	const irEntered = await formValues(session);
	for (let i = 0; i < 2; i++) {
		await session.locator('button[type=submit]').click();
		await expect(startup).toHaveURL(/\/ir\/[0-9a-f-]+\?saved$/);
		await gotoReady(startup, irEdit);
		expect(await formValues(session)).toEqual(irEntered);
	}
	await startup.context().close();
});
