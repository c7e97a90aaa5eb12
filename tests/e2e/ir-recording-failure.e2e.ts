// A recording that could not be processed (issue #13: every part lost in a node's death): the
// startup's team reads why on the replay page, with the technical detail behind a disclosure opened
// from the keyboard; the page is axe-clean and fits 360 px; a registrant has nothing to watch (404).
// Needs PostgreSQL (E2E_DATABASE_URL) to put the failed recording in place.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import pg from 'pg';
import { demo, gotoReady, signIn } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

test.skip(!process.env.E2E_DATABASE_URL, 'needs the e2e PostgreSQL (E2E_DATABASE_URL) to set up a failed recording');

const DETAIL = 'a-001-camera.webm: unreadable (End of file); a-002-microphone.webm: empty';

let db: pg.Client;
let eventId: string;
const contexts: BrowserContext[] = [];

async function signedIn(browser: Browser, email: string): Promise<Page> {
	const context = await browser.newContext();
	contexts.push(context);
	const page = await context.newPage();
	await signIn(page, email);
	return page;
}

test.beforeAll(async () => {
	db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
	await db.connect();
	const { rows: users } = await db.query<{ id: string; email: string }>(
		'select id, email from users where email = any($1)',
		[[demo.startupAdmin, demo.operator, demo.investor]]
	);
	const user = Object.fromEntries(users.map((row) => [row.email, row.id]));
	const { rows: orgs } = await db.query<{ org_id: string }>(
		"select org_id from memberships where user_id = $1 and role = 'owner'",
		[user[demo.startupAdmin]]
	);
	const { rows } = await db.query<{ id: string }>(
		`insert into ir_events (org_id, title_ko, title_en, summary_ko, summary_en, starts_at, duration_minutes, access, moderator_id, created_by, status, live_started_at, ended_at)
		 values ($1, '노드 장애 녹화', 'Recording lost in a node failure', '요약', 'Summary', now() - interval '2 hours', 60, 'members', $2, $3, 'ended', now() - interval '2 hours', now() - interval '1 hour') returning id`,
		[orgs[0]!.org_id, user[demo.operator], user[demo.startupAdmin]]
	);
	eventId = rows[0]!.id;
	await db.query('insert into ir_event_presenters (event_id, user_id) values ($1, $2)', [
		eventId,
		user[demo.startupAdmin]
	]);
	await db.query('insert into ir_registrations (event_id, user_id) values ($1, $2)', [eventId, user[demo.investor]]);
	await db.query(
		`insert into ir_recordings (event_id, status, started_by, started_at, stopped_at, last_error) values ($1, 'failed', $2, now() - interval '2 hours', now() - interval '90 minutes', $3)`,
		[eventId, user[demo.startupAdmin], `no_media: ${DETAIL}`]
	);
});

test.afterAll(async () => {
	for (const context of contexts) await context.close();
	await db?.end();
});

test('the team reads why a recording failed; a registrant has no replay to watch', async ({ browser }) => {
	test.setTimeout(90_000);
	const team = await signedIn(browser, demo.startupAdmin);
	await gotoReady(team, `/ir/${eventId}/replay`);
	const failure = team.getByTestId('recording-failure');
	await expect(team.getByTestId('recording-admin')).toContainText('처리 실패');
	await expect(failure).toContainText('녹화된 파일 어디에도 영상이나 소리가 남아 있지 않아');
	await expect(failure.getByText(DETAIL)).toBeHidden();
	// From the keyboard: the disclosure's summary takes focus and opens with Enter.
	const summary = failure.getByText('자세한 원인');
	await summary.focus();
	await expect(summary).toBeFocused();
	await team.keyboard.press('Enter');
	await expect(failure.getByText(DETAIL)).toBeVisible();
	await expectNoAxeViolations(team);
	await team.setViewportSize({ width: 360, height: 740 });
	expect(await team.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

	// The API tells the same to the team.
	const api = await team.request.get(`/api/v1/ir/events/${eventId}/recording`);
	expect(api.status()).toBe(200);
	expect((await api.json()).recordings[0]).toMatchObject({
		status: 'failed',
		failure: { reason: 'no_media', detail: DETAIL }
	});

	// A registrant on the session: a failed recording is not shown to them, so there is no replay.
	const investor = await signedIn(browser, demo.investor);
	expect((await investor.goto(`/ir/${eventId}/replay`))?.status()).toBe(404);
	expect((await investor.request.get(`/api/v1/ir/events/${eventId}/recording`)).status()).toBe(404);
});
