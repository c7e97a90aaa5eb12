// The live IR room in Chromium with fake camera and microphone, inside a network namespace with only
// `lo` (playwright.live.config.ts): the presenter goes live, three viewers decode video and receive
// audio, Q&A and hand raise work live, a refused outsider, and recovery from a cut socket and a
// presenter reload. The session and registrations are written to the server's database here.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import pg from 'pg';
import { demo, gotoReady, signIn } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

// It needs the fake devices, the namespace and the database of playwright.live.config.ts.
test.skip(process.env.E2E_LIVE_ROOM !== '1', 'runs with playwright.live.config.ts (the last step of npm test)');

const COURSES = 'courses@medcluster.example';
type Inbound = { video: { id: string; frames: number }[]; audioPackets: number; audioSamples: number };

/** Collects the page's peer connections and WebSockets, so the test can read stats and cut the socket. */
function instrument() {
	const w = window as unknown as { __peers: RTCPeerConnection[]; __sockets: WebSocket[] };
	w.__peers = [];
	w.__sockets = [];
	const NativePeer = window.RTCPeerConnection;
	window.RTCPeerConnection = class extends NativePeer {
		constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
			super(...args);
			w.__peers.push(this);
		}
	} as typeof RTCPeerConnection;
	const NativeSocket = window.WebSocket;
	window.WebSocket = class extends NativeSocket {
		constructor(...args: ConstructorParameters<typeof WebSocket>) {
			super(...args);
			w.__sockets.push(this);
		}
	} as typeof WebSocket;
}

/** Inbound RTP of the page's open peer connections, from the `fromPeer`-th one created on. */
async function inbound(page: Page, fromPeer = 0): Promise<Inbound> {
	return page.evaluate(async (from) => {
		const result = { video: [] as { id: string; frames: number }[], audioPackets: 0, audioSamples: 0 };
		for (const pc of (window as unknown as { __peers: RTCPeerConnection[] }).__peers.slice(from)) {
			if (pc.connectionState === 'closed') continue;
			(await pc.getStats()).forEach((s) => {
				if (s.type !== 'inbound-rtp') return;
				if (s.kind === 'video') result.video.push({ id: `${s.id}`, frames: s.framesDecoded ?? 0 });
				if (s.kind === 'audio') {
					result.audioPackets += s.packetsReceived ?? 0;
					result.audioSamples += s.totalSamplesReceived ?? 0;
				}
			});
		}
		return result;
	}, fromPeer);
}

/** How many inbound videos decode frames now (two samples a second apart). */
async function decodingVideos(page: Page, fromPeer = 0, gapMs = 1000): Promise<number> {
	const first = await inbound(page, fromPeer);
	await page.waitForTimeout(gapMs);
	const second = await inbound(page, fromPeer);
	return second.video.filter((v) => v.frames > (first.video.find((f) => f.id === v.id)?.frames ?? 0)).length;
}

async function receivesAudio(page: Page): Promise<boolean> {
	const first = await inbound(page);
	await page.waitForTimeout(1000);
	const second = await inbound(page);
	return second.audioPackets > first.audioPackets && second.audioSamples > first.audioSamples;
}

async function contextAs(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext();
	await context.addInitScript(instrument);
	const page = await context.newPage();
	// Warnings and errors of the page end up in the test's output, for the reader of a failure.
	page.on(
		'console',
		(msg) => ['warning', 'error'].includes(msg.type()) && console.log(`[${email}] ${msg.type()}: ${msg.text()}`)
	);
	await signIn(page, email);
	return { context, page };
}

let db: pg.Client;
let eventId: string;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
	db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
	await db.connect();
	const ids = async (emails: string[]) => {
		const { rows } = await db.query<{ id: string; email: string }>(
			'select id, email from users where email = any($1)',
			[emails]
		);
		return Object.fromEntries(rows.map((row) => [row.email, row.id]));
	};
	const user = await ids([demo.startupAdmin, demo.operator, demo.investor, demo.hospital, demo.facility]);
	const { rows: orgs } = await db.query<{ org_id: string }>(
		"select org_id from memberships where user_id = $1 and role = 'owner'",
		[user[demo.startupAdmin]]
	);
	const { rows } = await db.query<{ id: string }>(
		`insert into ir_events (org_id, title_ko, title_en, summary_ko, summary_en, starts_at, duration_minutes, access, moderator_id, created_by)
		 values ($1, '라이브 룸 종단 테스트', 'Live room end-to-end', '요약', 'Summary', now() + interval '10 minutes', 60, 'members', $2, $3) returning id`,
		[orgs[0].org_id, user[demo.operator], user[demo.startupAdmin]]
	);
	eventId = rows[0].id;
	await db.query('insert into ir_event_presenters (event_id, user_id) values ($1, $2)', [
		eventId,
		user[demo.startupAdmin]
	]);
	for (const email of [demo.investor, demo.hospital, demo.facility]) {
		await db.query('insert into ir_registrations (event_id, user_id) values ($1, $2)', [eventId, user[email]]);
	}
});

test.afterAll(async () => {
	for (const context of contexts) await context.close();
	await db?.end();
});

test('a live IR session end to end: media, Q&A, hands, refusal, recovery', async ({ browser }) => {
	const live = `/ir/${eventId}/live`;
	const open = async (email: string) => {
		const opened = await contextAs(browser, email);
		contexts.push(opened.context);
		await gotoReady(opened.page, live);
		return opened.page;
	};

	// Refused before rendering: an unregistered member.
	const outsider = await contextAs(browser, COURSES);
	contexts.push(outsider.context);
	const refused = await outsider.page.goto(live);
	expect(refused?.status()).toBe(403);
	await expect(outsider.page.getByText('이 세션에 등록한 참가자만 입장할 수 있습니다.')).toBeVisible();

	// The lobby: countdown and the presenter's device check with a local preview.
	const presenter = await open(demo.startupAdmin);
	await expect(presenter.getByRole('heading', { name: '대기실' })).toBeVisible();
	await presenter.getByRole('button', { name: '장치 확인' }).click();
	await expect(presenter.locator('video[aria-label="나"]')).toBeVisible();
	await expectNoAxeViolations(presenter);

	const moderator = await open(demo.operator);
	const viewers = [await open(demo.investor), await open(demo.hospital), await open(demo.facility)];
	await expect(viewers[0].getByTestId('viewer-count')).toHaveText('시청자 3명');

	// Go live: the session starts, camera and microphone reach all three viewers.
	await presenter.getByRole('button', { name: '방송 시작' }).click();
	for (const viewer of viewers) {
		await expect(viewer.getByText('라이브', { exact: true })).toBeVisible();
		await expect.poll(() => decodingVideos(viewer), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
		await expect.poll(() => receivesAudio(viewer), { timeout: 10_000 }).toBe(true);
	}
	await expectNoAxeViolations(viewers[0]);

	// Q&A: ask, upvote, approve, answer — live for everyone.
	const question = 'FDA 510(k) 제출 일정은 어떻게 되나요?';
	await viewers[0].getByLabel('질문').fill(question);
	await viewers[0].getByRole('button', { name: '질문하기' }).click();
	const pending = moderator.getByTestId('question').filter({ hasText: question });
	await expect(pending.getByText('승인 대기')).toBeVisible();
	await expect(viewers[1].getByTestId('question').filter({ hasText: question })).toHaveCount(0);
	await pending.getByRole('button', { name: '승인' }).click();
	for (const viewer of viewers)
		await expect(viewer.getByTestId('question').filter({ hasText: question })).toBeVisible();
	await viewers[1].getByTestId('question').filter({ hasText: question }).getByRole('button', { name: /공감/ }).click();
	for (const page of [...viewers, moderator])
		await expect(page.getByTestId('question').filter({ hasText: question }).getByTestId('votes')).toHaveText('1');
	await moderator
		.getByTestId('question')
		.filter({ hasText: question })
		.getByRole('button', { name: '답변 완료' })
		.click();
	for (const viewer of viewers)
		await expect(viewer.getByTestId('question').filter({ hasText: question }).getByText('답변 완료')).toBeVisible();

	// At 360 px the room is one column with nothing cut off sideways.
	await viewers[0].setViewportSize({ width: 360, height: 740 });
	await expect(viewers[0].getByRole('heading', { name: '질의응답' })).toBeVisible();
	expect(await viewers[0].evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await viewers[0].setViewportSize({ width: 1280, height: 720 });

	// Hand raise → promote: the speaker's camera reaches the other viewers.
	const speaker = viewers[1];
	await speaker.getByRole('button', { name: /손 들기/ }).click();
	const hospitalName = (await db.query<{ name: string }>('select name from users where email = $1', [demo.hospital]))
		.rows[0].name;
	await moderator.getByRole('button', { name: `${hospitalName} 님에게 발언권 주기` }).click();
	await expect(speaker.getByText('진행자가 발언권을 주었습니다.', { exact: false })).toBeVisible();
	await speaker.getByRole('button', { name: '방송 시작' }).click();
	for (const viewer of [viewers[0], viewers[2]]) {
		await expect(viewer.locator(`video[aria-label="${hospitalName}"]`)).toBeVisible();
		await expect.poll(() => decodingVideos(viewer), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
	}

	// A viewer whose socket is cut reconnects by itself and decodes again within 5 s.
	// Frames must come through a peer connection made after the cut, not the old one still draining.
	const cut = viewers[2];
	const peersBefore = await cut.evaluate(() => (window as unknown as { __peers: RTCPeerConnection[] }).__peers.length);
	const cutAt = Date.now();
	await cut.evaluate(() =>
		(window as unknown as { __sockets: WebSocket[] }).__sockets.forEach((socket) => socket.close())
	);
	await expect
		.poll(() => decodingVideos(cut, peersBefore, 400), { timeout: 5_000, intervals: [100] })
		.toBeGreaterThanOrEqual(1);
	expect(Date.now() - cutAt).toBeLessThan(5_000);

	// The presenter reloads and is live again: the viewers get frames without reloading. It comes back
	// by itself where the browser still grants the camera, else through the one resume button
	// (ir-live-edges.e2e.ts pins down each case).
	await presenter.reload();
	await presenter.locator('body[data-hydrated="true"]').waitFor();
	const watching = viewers.filter((v) => v !== speaker);
	const resume = presenter.getByRole('button', { name: '방송 이어 하기' });
	await expect(resume.or(presenter.getByRole('button', { name: '방송 중지' }))).toBeVisible({ timeout: 15_000 });
	if (await resume.isVisible()) await resume.click();
	for (const viewer of watching) {
		await expect.poll(() => decodingVideos(viewer), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
	}

	// The moderator ends the session: everybody sees the end screen with the follow-up link.
	moderator.once('dialog', (dialog) => void dialog.accept());
	await moderator.getByRole('button', { name: '세션 종료' }).click();
	for (const viewer of viewers) {
		await expect(viewer.getByTestId('ended')).toBeVisible();
		await expect(viewer.getByRole('link', { name: '후속 미팅 요청' })).toHaveAttribute(
			'href',
			`/ir/${eventId}/meeting`
		);
	}
	const { rows } = await db.query<{ status: string; peak_viewers: number }>(
		'select status, peak_viewers from ir_events where id = $1',
		[eventId]
	);
	expect(rows[0]).toEqual({ status: 'ended', peak_viewers: 3 });
});
