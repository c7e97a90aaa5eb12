// Helpers of the live-room e2e tests (playwright.live.config.ts): a page's peer connections and
// sockets collected for stats, decoding checks, and a session with registrations in the database.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type pg from 'pg';
import { demo, signIn } from './accounts';

/** Init script: collects the page's peer connections and WebSockets (window.__peers / __sockets). */
export function instrument() {
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

export type InboundVideo = { id: string; frames: number };

/** framesDecoded of every inbound video of the page's open peer connections. */
export async function inboundVideos(page: Page): Promise<InboundVideo[]> {
	return page.evaluate(async () => {
		const result: { id: string; frames: number }[] = [];
		for (const pc of (window as unknown as { __peers: RTCPeerConnection[] }).__peers) {
			if (pc.connectionState === 'closed') continue;
			(await pc.getStats()).forEach((s) => {
				if (s.type === 'inbound-rtp' && s.kind === 'video')
					result.push({ id: `${s.id}`, frames: s.framesDecoded ?? 0 });
			});
		}
		return result;
	});
}

/** How many inbound videos decode frames now (two samples `gapMs` apart). */
export async function decodingVideos(page: Page, gapMs = 1000): Promise<number> {
	const first = await inboundVideos(page);
	await page.waitForTimeout(gapMs);
	const second = await inboundVideos(page);
	return second.filter((v) => v.frames > (first.find((f) => f.id === v.id)?.frames ?? 0)).length;
}

/** Video frames the page encodes and sends now (its publishing connection works). */
export async function sendingVideo(page: Page): Promise<boolean> {
	const frames = () =>
		page.evaluate(async () => {
			let total = 0;
			for (const pc of (window as unknown as { __peers: RTCPeerConnection[] }).__peers) {
				if (pc.connectionState !== 'connected') continue;
				(await pc.getStats()).forEach((s) => {
					if (s.type === 'outbound-rtp' && s.kind === 'video') total += s.framesEncoded ?? 0;
				});
			}
			return total;
		});
	const first = await frames();
	await page.waitForTimeout(700);
	return (await frames()) > first;
}

/** A signed-in page in its own context; `granted`: camera and microphone are granted to the origin. */
export async function contextAs(
	browser: Browser,
	email: string,
	{ granted = false, init = [] as Array<() => void> } = {}
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext();
	await context.addInitScript(instrument);
	for (const script of init) await context.addInitScript(script);
	const page = await context.newPage();
	page.on(
		'console',
		(msg) => ['warning', 'error'].includes(msg.type()) && console.log(`[${email}] ${msg.type()}: ${msg.text()}`)
	);
	await signIn(page, email);
	if (granted) await context.grantPermissions(['camera', 'microphone'], { origin: new URL(page.url()).origin });
	return { context, page };
}

/** A members-only session starting in 10 minutes: startup-admin presents, the operator moderates, `registrants` registered. */
export async function createLiveSession(db: pg.Client, title: string, registrants: string[]): Promise<string> {
	const ids = async (emails: string[]) => {
		const { rows } = await db.query<{ id: string; email: string }>(
			'select id, email from users where email = any($1)',
			[emails]
		);
		return Object.fromEntries(rows.map((row) => [row.email, row.id]));
	};
	const user = await ids([demo.startupAdmin, demo.operator, ...registrants]);
	const { rows: orgs } = await db.query<{ org_id: string }>(
		"select org_id from memberships where user_id = $1 and role = 'owner'",
		[user[demo.startupAdmin]]
	);
	const { rows } = await db.query<{ id: string }>(
		`insert into ir_events (org_id, title_ko, title_en, summary_ko, summary_en, starts_at, duration_minutes, access, moderator_id, created_by)
		 values ($1, $2, $2, '요약', 'Summary', now() + interval '10 minutes', 60, 'members', $3, $4) returning id`,
		[orgs[0].org_id, title, user[demo.operator], user[demo.startupAdmin]]
	);
	const eventId = rows[0].id;
	await db.query('insert into ir_event_presenters (event_id, user_id) values ($1, $2)', [
		eventId,
		user[demo.startupAdmin]
	]);
	for (const email of registrants)
		await db.query('insert into ir_registrations (event_id, user_id) values ($1, $2)', [eventId, user[email]]);
	return eventId;
}
