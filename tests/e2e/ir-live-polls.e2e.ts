// Polls in the live room (issue #20), in Chromium inside the network namespace of
// playwright.live.config.ts: the moderator opens a poll from the keyboard, two viewers answer (one
// with the keyboard alone), everyone sees the live tally, a second answer is impossible, the moderator
// closes it, and the session's team finds the results and the CSV on the analytics page.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import pg from 'pg';
import { demo, gotoReady } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';
import { contextAs, createLiveSession } from './support/live-room';

test.skip(process.env.E2E_LIVE_ROOM !== '1', 'runs with playwright.live.config.ts (the last step of npm test)');
test.setTimeout(300_000);

let db: pg.Client;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
	db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
	await db.connect();
});

test.afterAll(async () => {
	for (const context of contexts) await context.close();
	await db?.end();
});

async function open(browser: Parameters<typeof contextAs>[0], email: string, path: string): Promise<Page> {
	const opened = await contextAs(browser, email);
	contexts.push(opened.context);
	await gotoReady(opened.page, path);
	return opened.page;
}

const polls = (page: Page) => page.locator('section[aria-labelledby="poll-title"]');

test('a moderator runs a poll: each viewer answers once, the tally is live, the results are in the analytics', async ({
	browser
}) => {
	const eventId = await createLiveSession(db, '투표 테스트 세션', [demo.investor, demo.startup]);
	const live = `/ir/${eventId}/live`;
	const moderator = await open(browser, demo.operator, live);
	const keyboardViewer = await open(browser, demo.investor, live);
	const clickViewer = await open(browser, demo.startup, live);

	// The panel is the moderator's until a poll exists: viewers get it with the first poll.
	await expect(polls(moderator).getByRole('heading', { name: '투표' })).toBeVisible();
	await expect(polls(keyboardViewer)).toHaveCount(0);

	// The moderator writes the poll with the keyboard: question, two answers, a third added.
	await polls(moderator).getByLabel('질문').fill('시드 라운드에 참여하시겠습니까?');
	await polls(moderator).getByRole('textbox', { name: '답 1', exact: true }).fill('참여');
	await polls(moderator).getByRole('textbox', { name: '답 2', exact: true }).fill('검토 후 결정');
	await polls(moderator).getByRole('button', { name: '답 추가' }).press('Enter');
	await polls(moderator).getByRole('textbox', { name: '답 3', exact: true }).fill('참여 안 함');
	// The same answer twice is caught before anything is sent.
	await polls(moderator).getByRole('textbox', { name: '답 3', exact: true }).fill('참여');
	await polls(moderator).getByRole('button', { name: '투표 시작' }).press('Enter');
	await expect(polls(moderator).getByRole('alert')).toContainText('같은 답이 두 번');
	await polls(moderator).getByRole('textbox', { name: '답 3', exact: true }).fill('참여 안 함');
	await polls(moderator).getByRole('button', { name: '투표 시작' }).press('Enter');
	await expect(polls(moderator).getByTestId('poll-open')).toContainText('시드 라운드에 참여하시겠습니까?');

	// The first viewer answers with the keyboard alone: Tab to the first answer, arrow to the second, Enter.
	const open1 = polls(keyboardViewer).getByTestId('poll-open');
	await expect(open1).toContainText('시드 라운드에 참여하시겠습니까?');
	await open1.getByRole('radio', { name: '참여', exact: true }).focus();
	await keyboardViewer.keyboard.press('ArrowDown');
	await expect(open1.getByRole('radio', { name: '검토 후 결정' })).toBeChecked();
	await open1.getByRole('button', { name: '답하기' }).press('Enter');
	await expect(open1.getByTestId('poll-results')).toContainText('내 답');

	// The second viewer clicks; the tally reaches everyone (the moderator, the first viewer).
	const open2 = polls(clickViewer).getByTestId('poll-open');
	await open2.getByRole('radio', { name: '참여', exact: true }).check();
	await open2.getByRole('button', { name: '답하기' }).click();
	for (const page of [moderator, keyboardViewer, clickViewer]) await expect(polls(page)).toContainText('총 2명 응답');
	await expect(open1.getByTestId('poll-votes').nth(0)).toHaveText('1표 (50%)');
	await expect(open1.getByTestId('poll-votes').nth(1)).toHaveText('1표 (50%)');
	// No way to answer again: the form is gone, and a reload shows the same answer.
	await expect(open2.getByRole('button', { name: '답하기' })).toHaveCount(0);
	await gotoReady(clickViewer, live);
	await expect(polls(clickViewer).getByTestId('poll-open').getByTestId('poll-results')).toContainText('내 답');
	await expectNoAxeViolations(keyboardViewer);
	await expectNoAxeViolations(moderator);

	// The moderator closes it: it moves to the earlier polls for everyone, and a new one may start.
	await polls(moderator).getByRole('button', { name: '투표 마감' }).click();
	for (const page of [moderator, keyboardViewer, clickViewer])
		await expect(polls(page).getByTestId('poll-closed')).toContainText('시드 라운드에 참여하시겠습니까?');
	await expect(polls(moderator).getByTestId('poll-create')).toBeVisible();

	// The startup's team sees the results and downloads them as CSV.
	const team = await open(browser, demo.startupAdmin, `/ir/${eventId}/analytics`);
	await expect(team.getByTestId('analytics-polls')).toContainText('시드 라운드에 참여하시겠습니까?');
	await expect(team.getByTestId('analytics-polls')).toContainText('1표 (50%)');
	const csv = await team.request.get(`/ir/${eventId}/polls.csv`);
	expect(csv.status()).toBe(200);
	const text = await csv.text();
	expect(text).toContain('검토 후 결정,1,50');
	expect(text).toContain('참여 안 함,0,0');
	// A viewer is not on the team: the export is a 404 for them.
	expect((await keyboardViewer.request.get(`/ir/${eventId}/polls.csv`)).status()).toBe(404);
	await expectNoAxeViolations(team);
});
