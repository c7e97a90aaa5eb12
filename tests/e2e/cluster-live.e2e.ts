// The live IR room on two nodes behind nginx (playwright.cluster.config.ts, in a network namespace):
// a presenter and three viewers enter through nginx and land on the room's owner; all decode video;
// chat reaches everyone; when the owner is killed (SIGKILL) the lease moves and the viewers decode
// again without reloading within 10 s; a clean shutdown (SIGTERM) hands the room over with no freeze
// over 3 s (make before break). A recording started through the node that does not own the room
// is written by the owner, moves with the room on both failovers, and is processed into a replay
// that shows the part the killed node wrote (or, failing, prints why and which parts there were).
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { demo, gotoReady, signIn } from './support/accounts';
import { startCluster } from '../../scripts/cluster.js';

test.skip(process.env.E2E_CLUSTER !== '1', 'runs with playwright.cluster.config.ts');

// The same default as playwright.cluster.config.ts (importing it would set E2E_CLUSTER in any run).
const CLUSTER_NGINX_PORT = Number(process.env.E2E_CLUSTER_NGINX_PORT ?? 4310);

type ClusterNode = { id: string; url: string; start(): Promise<void>; kill(signal?: string): Promise<void> };
type Cluster = { url: string; nodes: ClusterNode[]; stop(): Promise<void> };

function instrument() {
	const w = window as unknown as { __peers: RTCPeerConnection[] };
	w.__peers = [];
	const NativePeer = window.RTCPeerConnection;
	window.RTCPeerConnection = class extends NativePeer {
		constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
			super(...args);
			w.__peers.push(this);
		}
	} as typeof RTCPeerConnection;
}

/** How many inbound videos of peer connections made from the `fromPeer`-th on decode frames now. */
async function decodingVideos(page: Page, fromPeer = 0): Promise<number> {
	const sample = () =>
		page.evaluate(async (from) => {
			const frames: Record<string, number> = {};
			for (const pc of (window as unknown as { __peers: RTCPeerConnection[] }).__peers.slice(from)) {
				if (pc.connectionState === 'closed') continue;
				(await pc.getStats()).forEach(
					(s) => s.type === 'inbound-rtp' && s.kind === 'video' && (frames[`${s.id}`] = s.framesDecoded ?? 0)
				);
			}
			return frames;
		}, fromPeer);
	const first = await sample();
	await page.waitForTimeout(500);
	const second = await sample();
	return Object.entries(second).filter(([id, n]) => n > (first[id] ?? 0)).length;
}

/**
 * Starts a sampler in the page: every 200 ms, the times at which some inbound video of some peer
 * connection decoded more frames than at the sample before, with the index of that connection.
 */
async function sampleProgress(page: Page): Promise<void> {
	await page.evaluate(() => {
		const w = window as unknown as { __peers: RTCPeerConnection[]; __progress: Array<[number, number]> };
		w.__progress = [];
		const last = new Map<string, number>();
		let busy = false;
		setInterval(async () => {
			if (busy) return;
			busy = true;
			try {
				for (const [index, pc] of w.__peers.entries()) {
					if (pc.connectionState === 'closed') continue;
					// A stats call that never settles (a dying connection) must not stop the sampler.
					const stats = await Promise.race([
						pc.getStats().catch(() => undefined),
						new Promise<undefined>((resolve) => setTimeout(resolve, 1000))
					]);
					stats?.forEach((s) => {
						if (s.type !== 'inbound-rtp' || s.kind !== 'video') return;
						const key = `${index}:${s.id}`;
						const frames = s.framesDecoded ?? 0;
						if (frames > (last.get(key) ?? 0)) w.__progress.push([Date.now(), index]);
						last.set(key, frames);
					});
				}
			} finally {
				busy = false;
			}
		}, 200);
	});
}

const progressSince = (page: Page, since: number) =>
	page.evaluate(
		(t) => (window as unknown as { __progress: Array<[number, number]> }).__progress.filter(([at]) => at >= t),
		since
	);

/** The first time after `since` that a peer connection made from the `fromPeer`-th on decoded frames. */
async function firstNewFrames(page: Page, since: number, fromPeer: number): Promise<number | undefined> {
	return (await progressSince(page, since)).find(([, index]) => index >= fromPeer)?.[0];
}

/** The longest time between two decoded-frame increases (any connection) from `since` to `until`. */
async function longestFreeze(page: Page, since: number, until: number): Promise<number> {
	const times = [since, ...(await progressSince(page, since)).map(([at]) => at).filter((at) => at <= until), until];
	let longest = 0;
	for (let i = 1; i < times.length; i++) longest = Math.max(longest, times[i]! - times[i - 1]!);
	return longest;
}

/** Whether the peer connections made before the `upTo`-th are all closed. */
const oldLegsClosed = (page: Page, upTo: number) =>
	page.evaluate(
		(n) =>
			(window as unknown as { __peers: RTCPeerConnection[] }).__peers
				.slice(0, n)
				.every((pc) => pc.connectionState === 'closed'),
		upTo
	);

/** For a failure's message: each peer connection's state and its inbound videos' decoded frames. */
const describePeers = (page: Page) =>
	page.evaluate(async () => {
		const w = window as unknown as { __peers: RTCPeerConnection[]; __progress?: Array<[number, number]> };
		const peers = await Promise.all(
			w.__peers.map(async (pc, i) => {
				const frames: number[] = [];
				if (pc.connectionState !== 'closed')
					(await pc.getStats()).forEach(
						(s) => s.type === 'inbound-rtp' && s.kind === 'video' && frames.push(s.framesDecoded ?? 0)
					);
				return `#${i} ${pc.connectionState}/${pc.iceConnectionState} frames=[${frames.join(',')}]`;
			})
		);
		return `${peers.join('; ')} | last progress: ${JSON.stringify(w.__progress?.slice(-3))} now=${Date.now()}`;
	});

/** Polls until `check` holds, printing every viewer's peer connections when it does not in time. */
async function orDescribe(pages: Page[], check: () => Promise<void>): Promise<void> {
	try {
		await check();
	} catch (error) {
		for (const [i, page] of pages.entries())
			console.log(`page ${i}: ${await describePeers(page).catch((e) => String(e))}`);
		throw error;
	}
}

const peerCount = (page: Page) =>
	page.evaluate(() => (window as unknown as { __peers: RTCPeerConnection[] }).__peers.length);

let cluster: Cluster;
let db: pg.Client;
/** One folder for every node's recordings, as a cluster needs (README "Running several nodes"). */
let recordingsDir: string;
let eventId: string;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
	// Two nodes start one after the other (migrations, demo seed): minutes on a busy machine.
	test.setTimeout(300_000);
	const databaseUrl = process.env.E2E_DATABASE_URL;
	if (!databaseUrl)
		throw new Error('playwright.cluster.config.ts needs E2E_DATABASE_URL (scripts/test.js creates one)');
	recordingsDir = mkdtempSync(join(tmpdir(), 'medcluster-recordings-'));
	cluster = await startCluster({
		databaseUrl,
		nginxPort: CLUSTER_NGINX_PORT,
		nodePorts: [CLUSTER_NGINX_PORT + 1, CLUSTER_NGINX_PORT + 2],
		mediaPorts: process.env.E2E_CLUSTER_MEDIA_PORTS ?? '43000-43999',
		quiet: !process.env.E2E_CLUSTER_VERBOSE,
		log: () => {},
		env: { SEED_DEMO: 'true', MEDIA_ICE_SERVERS: '[]', RATE_LIMIT_DISABLED: 'true', RECORDINGS_DIR: recordingsDir }
	});
	db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	const { rows: users } = await db.query<{ id: string; email: string }>(
		'select id, email from users where email = any($1)',
		[[demo.startupAdmin, demo.operator, demo.investor, demo.hospital, demo.facility]]
	);
	const user = Object.fromEntries(users.map((row) => [row.email, row.id]));
	const { rows: orgs } = await db.query<{ org_id: string }>(
		"select org_id from memberships where user_id = $1 and role = 'owner'",
		[user[demo.startupAdmin]]
	);
	const { rows } = await db.query<{ id: string }>(
		`insert into ir_events (org_id, title_ko, title_en, summary_ko, summary_en, starts_at, duration_minutes, access, moderator_id, created_by)
		 values ($1, '클러스터 라이브 룸', 'Clustered live room', '요약', 'Summary', now() + interval '10 minutes', 60, 'members', $2, $3) returning id`,
		[orgs[0]!.org_id, user[demo.operator], user[demo.startupAdmin]]
	);
	eventId = rows[0]!.id;
	await db.query('insert into ir_event_presenters (event_id, user_id) values ($1, $2)', [
		eventId,
		user[demo.startupAdmin]
	]);
	for (const email of [demo.investor, demo.hospital, demo.facility])
		await db.query('insert into ir_registrations (event_id, user_id) values ($1, $2)', [eventId, user[email]]);
});

test.afterAll(async () => {
	for (const context of contexts) await context.close();
	await db?.end();
	await cluster?.stop();
	if (recordingsDir) rmSync(recordingsDir, { recursive: true, force: true });
});

async function open(browser: Browser, email: string): Promise<Page> {
	const context = await browser.newContext();
	contexts.push(context);
	await context.addInitScript(instrument);
	const page = await context.newPage();
	page.on(
		'console',
		(msg) => ['warning', 'error'].includes(msg.type()) && console.log(`[${email}] ${msg.type()}: ${msg.text()}`)
	);
	await signIn(page, email);
	await gotoReady(page, `/ir/${eventId}/live`);
	return page;
}

const owner = async () =>
	(
		await db.query<{ node_id: string }>('select node_id from room_leases where room_id = $1 and expires_at > now()', [
			eventId
		])
	).rows[0]?.node_id;

/** The video files the recording's manifest lists so far. */
function recordedVideos(recordingId: string): string[] {
	const manifest = join(recordingsDir, recordingId, 'raw', 'tracks.jsonl');
	if (!existsSync(manifest)) return [];
	return readFileSync(manifest, 'utf8')
		.split('\n')
		.filter((line) => line.includes('"kind":"video"'))
		.map((line) => (JSON.parse(line) as { file: string }).file);
}

/** The recording's parts so far, with their sizes (for the log when processing goes wrong). */
function describeParts(recordingId: string): string {
	const raw = join(recordingsDir, recordingId, 'raw');
	return readFileSync(join(raw, 'tracks.jsonl'), 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => {
			const { file, offsetMs } = JSON.parse(line.slice(line.lastIndexOf('{'))) as { file: string; offsetMs: number };
			return `${file}@${offsetMs}ms=${existsSync(join(raw, file)) ? statSync(join(raw, file)).size : 'missing'}B`;
		})
		.join(', ');
}

/** The stretches of a video file that are black for at least half a second, in seconds. */
function blackStretches(file: string): Array<[number, number]> {
	const result = spawnSync(
		'ffmpeg',
		['-hide_banner', '-nostdin', '-i', file, '-vf', 'blackdetect=d=0.5:pix_th=0.10', '-an', '-f', 'null', '-'],
		{ encoding: 'utf8' }
	);
	return [...result.stderr.matchAll(/black_start:([\d.]+) black_end:([\d.]+)/g)].map((m) => [
		Number(m[1]),
		Number(m[2])
	]);
}

/** A form action posted straight to one node (not through nginx), as the presenter. */
async function postAction(page: Page, node: ClusterNode, action: string) {
	const response = await page.request.post(`${node.url}/ir/${eventId}/live?/${action}`, {
		headers: { origin: cluster.url, 'x-sveltekit-action': 'true' },
		form: { _: '' }
	});
	expect(response.status(), await response.text()).toBe(200);
	expect(await response.json()).toMatchObject({ type: 'success' });
}

test('a live room survives the death and the clean shutdown of its node', async ({ browser }) => {
	const presenter = await open(browser, demo.startupAdmin);
	const viewers = [
		await open(browser, demo.investor),
		await open(browser, demo.hospital),
		await open(browser, demo.facility)
	];
	await expect(viewers[0]!.getByTestId('viewer-count')).toHaveText('시청자 3명');
	const first = await owner();
	expect(cluster.nodes.map((n) => n.id)).toContain(first);

	await presenter.getByRole('button', { name: '방송 시작' }).click();
	await orDescribe([...viewers, presenter], async () => {
		for (const viewer of viewers)
			await expect.poll(() => decodingVideos(viewer), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
	});
	for (const viewer of viewers) await sampleProgress(viewer);

	// Recording started through the node that does NOT own the room: the owner writes it.
	const other = cluster.nodes.find((n) => n.id !== first)!;
	await postAction(presenter, other, 'startRecording');
	const { rows: started } = await db.query<{ id: string }>(
		"select id from ir_recordings where event_id = $1 and status = 'recording'",
		[eventId]
	);
	const recordingId = started[0]!.id;
	await expect.poll(() => recordedVideos(recordingId).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);

	const say = async (page: Page, text: string) => {
		await page.getByLabel('채팅 메시지').fill(text);
		await page.getByRole('button', { name: '보내기' }).click();
		for (const other of [presenter, ...viewers])
			await expect(other.getByRole('log', { name: '채팅' })).toContainText(text);
	};
	await say(viewers[0]!, 'hello before the crash');

	// SIGKILL: no handover; the lease runs out and the reconnecting clients place the room again.
	const killed = cluster.nodes.find((n) => n.id === first)!;
	const before = await Promise.all(viewers.map(peerCount));
	const videosBeforeKill = recordedVideos(recordingId).length;
	const killedAt = Date.now();
	await killed.kill('SIGKILL');
	const recovered: number[] = [];
	await orDescribe([...viewers, presenter], async () => {
		for (const [i, viewer] of viewers.entries()) {
			await expect
				.poll(() => firstNewFrames(viewer, killedAt, before[i]!), { timeout: 25_000, intervals: [250] })
				.toBeDefined();
			recovered.push((await firstNewFrames(viewer, killedAt, before[i]!))! - killedAt);
		}
	});
	console.log(`SIGKILL → each viewer decodes again after: ${recovered.join(', ')} ms`);
	// The bound: another node takes over and every viewer decodes again within 10 s. Soft: a
	// miss fails the test, but the handover and the recording after it are still checked and reported.
	for (const ms of recovered) expect.soft(ms, 'SIGKILL recovery').toBeLessThanOrEqual(10_000);
	const second = await owner();
	expect(second).toBeDefined();
	expect(second).not.toBe(first);
	// The recording goes on on the new owner, in new files.
	await expect.poll(() => recordedVideos(recordingId).length, { timeout: 15_000 }).toBeGreaterThan(videosBeforeKill);
	// Chat comes back from PostgreSQL, and goes on.
	for (const page of [presenter, ...viewers])
		await expect(page.getByRole('log', { name: '채팅' })).toContainText('hello before the crash');
	await say(viewers[1]!, 'hello after the crash');
	await expect(viewers[0]!.getByTestId('viewer-count')).toHaveText('시청자 3명');

	// SIGTERM: the owner hands the room over before it exits; clients build their new legs while the
	// old ones still play (make before break), so no viewer sees a freeze over 3 s.
	await killed.start();
	const leaving = cluster.nodes.find((n) => n.id === second)!;
	const beforeTerm = await Promise.all(viewers.map(peerCount));
	const videosBeforeTerm = recordedVideos(recordingId).length;
	const termAt = Date.now();
	await leaving.kill('SIGTERM');
	expect(await owner()).toBe(first);
	await orDescribe([...viewers, presenter], async () => {
		for (const [i, viewer] of viewers.entries())
			await expect
				.poll(() => firstNewFrames(viewer, termAt, beforeTerm[i]!), { timeout: 15_000, intervals: [250] })
				.toBeDefined();
	});
	// Until every viewer retired its old legs (make before break ends), then a little more playing.
	for (const [i, viewer] of viewers.entries())
		await expect.poll(() => oldLegsClosed(viewer, beforeTerm[i]!), { timeout: 20_000, intervals: [250] }).toBe(true);
	const retiredAt = Date.now();
	for (const viewer of viewers)
		await expect
			.poll(async () => (await progressSince(viewer, retiredAt + 500)).length, { timeout: 10_000, intervals: [250] })
			.toBeGreaterThan(0);
	const until = Date.now();
	const freezes = await Promise.all(viewers.map((viewer) => longestFreeze(viewer, termAt, until)));
	console.log(`SIGTERM → longest freeze per viewer: ${freezes.join(', ')} ms`);
	for (const ms of freezes) expect.soft(ms, 'SIGTERM freeze').toBeLessThanOrEqual(3_000);
	await say(viewers[2]!, 'hello after the handover');
	await expect.poll(() => recordedVideos(recordingId).length, { timeout: 15_000 }).toBeGreaterThan(videosBeforeTerm);

	// Stopped through the node that (again) does not own the room: the owner closes its files first,
	// then the job makes one replay of every part.
	await leaving.start();
	// Soft, like the bounds above: on a loaded machine the owner's lease may lapse while the other node
	// boots (no owner for a moment, then either node); the recording is still stopped through a
	// node that does not own the room.
	await expect.poll(owner, { timeout: 15_000, intervals: [250] }).toBeDefined();
	const third = await owner();
	expect.soft(third, 'owner after the restart').toBe(first);
	const notOwner = cluster.nodes.find((n) => n.id !== third)!;
	const parts = describeParts(recordingId);
	const firstVideoAt = Math.min(
		...readFileSync(join(recordingsDir, recordingId, 'raw', 'tracks.jsonl'), 'utf8')
			.split('\n')
			.filter((line) => line.includes('"kind":"video"'))
			.map((line) => (JSON.parse(line.slice(line.lastIndexOf('{'))) as { offsetMs: number }).offsetMs / 1000)
	);
	await postAction(presenter, notOwner, 'stopRecording');
	const processed = async () =>
		(
			await db.query<{
				status: string;
				duration_ms: number | null;
				last_error: string | null;
				storage_key: string | null;
				started_at: Date;
			}>('select status, duration_ms, last_error, storage_key, started_at from ir_recordings where id = $1', [
				recordingId
			])
		).rows[0]!;
	await expect
		.poll(async () => (await processed()).status, { timeout: 180_000, intervals: [1000] })
		.not.toBe('processing');
	const done = await processed();
	console.log(`recording parts: ${parts}`);
	// A failed one shows its reason (last_error) in the diff.
	expect(done).toMatchObject({ status: 'ready', last_error: null });
	expect(done.duration_ms).toBeGreaterThan(5_000);
	// The part the killed node wrote is in the replay: picture from its first frame until shortly before the kill.
	const killOffset = (killedAt - done.started_at.getTime()) / 1000;
	const black = blackStretches(join(recordingsDir, done.storage_key!));
	console.log(
		`replay: black stretches ${JSON.stringify(black)}, first video at ${firstVideoAt.toFixed(1)} s, node killed at ${killOffset.toFixed(1)} s`
	);
	for (const [from, to] of black)
		expect(
			to <= firstVideoAt + 1 || from >= killOffset - 1.5,
			`black ${from}–${to} s inside the killed node's part`
		).toBe(true);
});
