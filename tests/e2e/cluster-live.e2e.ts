// The live IR room on two nodes behind nginx (playwright.cluster.config.ts, in a network namespace):
// a presenter and three viewers enter through nginx and land on the room's owner; all decode video;
// chat reaches everyone; when the owner is killed (SIGKILL) the lease moves and the viewers decode
// again without reloading; a clean shutdown (SIGTERM) hands the room over the same way.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
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
				(await pc.getStats()).forEach((s) => s.type === 'inbound-rtp' && s.kind === 'video' && (frames[`${s.id}`] = s.framesDecoded ?? 0));
			}
			return frames;
		}, fromPeer);
	const first = await sample();
	await page.waitForTimeout(500);
	const second = await sample();
	return Object.entries(second).filter(([id, n]) => n > (first[id] ?? 0)).length;
}

const peerCount = (page: Page) => page.evaluate(() => (window as unknown as { __peers: RTCPeerConnection[] }).__peers.length);

let cluster: Cluster;
let db: pg.Client;
let eventId: string;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
	// Two nodes start one after the other (migrations, demo seed): minutes on a busy machine.
	test.setTimeout(300_000);
	const databaseUrl = process.env.E2E_DATABASE_URL;
	if (!databaseUrl) throw new Error('playwright.cluster.config.ts needs E2E_DATABASE_URL (scripts/test.js creates one)');
	cluster = await startCluster({
		databaseUrl,
		nginxPort: CLUSTER_NGINX_PORT,
		nodePorts: [CLUSTER_NGINX_PORT + 1, CLUSTER_NGINX_PORT + 2],
		mediaPorts: process.env.E2E_CLUSTER_MEDIA_PORTS ?? '43000-43999',
		quiet: !process.env.E2E_CLUSTER_VERBOSE,
		log: () => {},
		env: { SEED_DEMO: 'true', MEDIA_ICE_SERVERS: '[]', RATE_LIMIT_DISABLED: 'true' }
	});
	db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	const { rows: users } = await db.query<{ id: string; email: string }>('select id, email from users where email = any($1)', [[demo.startupAdmin, demo.operator, demo.investor, demo.hospital, demo.facility]]);
	const user = Object.fromEntries(users.map((row) => [row.email, row.id]));
	const { rows: orgs } = await db.query<{ org_id: string }>("select org_id from memberships where user_id = $1 and role = 'owner'", [user[demo.startupAdmin]]);
	const { rows } = await db.query<{ id: string }>(
		`insert into ir_events (org_id, title_ko, title_en, summary_ko, summary_en, starts_at, duration_minutes, access, moderator_id, created_by)
		 values ($1, '클러스터 라이브 룸', 'Clustered live room', '요약', 'Summary', now() + interval '10 minutes', 60, 'members', $2, $3) returning id`,
		[orgs[0]!.org_id, user[demo.operator], user[demo.startupAdmin]]
	);
	eventId = rows[0]!.id;
	await db.query('insert into ir_event_presenters (event_id, user_id) values ($1, $2)', [eventId, user[demo.startupAdmin]]);
	for (const email of [demo.investor, demo.hospital, demo.facility]) await db.query('insert into ir_registrations (event_id, user_id) values ($1, $2)', [eventId, user[email]]);
});

test.afterAll(async () => {
	for (const context of contexts) await context.close();
	await db?.end();
	await cluster?.stop();
});

async function open(browser: Browser, email: string): Promise<Page> {
	const context = await browser.newContext();
	contexts.push(context);
	await context.addInitScript(instrument);
	const page = await context.newPage();
	page.on('console', (msg) => ['warning', 'error'].includes(msg.type()) && console.log(`[${email}] ${msg.type()}: ${msg.text()}`));
	await signIn(page, email);
	await gotoReady(page, `/ir/${eventId}/live`);
	return page;
}

const owner = async () => (await db.query<{ node_id: string }>('select node_id from room_leases where room_id = $1 and expires_at > now()', [eventId])).rows[0]?.node_id;

test('a live room survives the death and the clean shutdown of its node', async ({ browser }) => {
	const presenter = await open(browser, demo.startupAdmin);
	const viewers = [await open(browser, demo.investor), await open(browser, demo.hospital), await open(browser, demo.facility)];
	await expect(viewers[0]!.getByTestId('viewer-count')).toHaveText('시청자 3명');
	const first = await owner();
	expect(cluster.nodes.map((n) => n.id)).toContain(first);

	await presenter.getByRole('button', { name: '방송 시작' }).click();
	for (const viewer of viewers) await expect.poll(() => decodingVideos(viewer), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);

	const say = async (page: Page, text: string) => {
		await page.getByLabel('채팅 메시지').fill(text);
		await page.getByRole('button', { name: '보내기' }).click();
		for (const other of [presenter, ...viewers]) await expect(other.getByRole('log', { name: '채팅' })).toContainText(text);
	};
	await say(viewers[0]!, 'hello before the crash');

	// SIGKILL: no handover; the lease runs out and the reconnecting clients place the room again.
	const killed = cluster.nodes.find((n) => n.id === first)!;
	const before = await Promise.all(viewers.map(peerCount));
	const killedAt = Date.now();
	await killed.kill('SIGKILL');
	for (const [i, viewer] of viewers.entries()) await expect.poll(() => decodingVideos(viewer, before[i]), { timeout: 25_000, intervals: [250] }).toBeGreaterThanOrEqual(1);
	// Reported, not asserted (the bound is the issue's; the machine may be busy): the reader's figure.
	console.log(`SIGKILL → all viewers decode again: ${Date.now() - killedAt} ms`);
	const second = await owner();
	expect(second).toBeDefined();
	expect(second).not.toBe(first);
	// Chat comes back from PostgreSQL, and goes on.
	for (const page of [presenter, ...viewers]) await expect(page.getByRole('log', { name: '채팅' })).toContainText('hello before the crash');
	await say(viewers[1]!, 'hello after the crash');
	await expect(viewers[0]!.getByTestId('viewer-count')).toHaveText('시청자 3명');

	// SIGTERM: the owner hands the room over before it exits.
	await killed.start();
	const leaving = cluster.nodes.find((n) => n.id === second)!;
	const beforeTerm = await Promise.all(viewers.map(peerCount));
	const termAt = Date.now();
	await leaving.kill('SIGTERM');
	expect(await owner()).toBe(first);
	for (const [i, viewer] of viewers.entries()) await expect.poll(() => decodingVideos(viewer, beforeTerm[i]), { timeout: 15_000, intervals: [250] }).toBeGreaterThanOrEqual(1);
	console.log(`SIGTERM → all viewers decode on the new owner: ${Date.now() - termAt} ms`);
	await say(viewers[2]!, 'hello after the handover');
});
