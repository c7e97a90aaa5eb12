// What the cluster benchmark and test do as a browser would: sign in through the proxy, and ask
// which node owns a live room until the answer changes.
import pg from 'pg';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Signs in with the form (as the browser does) and returns the session cookie; with `totpKey` (base32)
 * it also passes the two-step page, trying the next 30-second step when a code was already used.
 */
export async function signIn(origin: string, email: string, password: string, totpKey?: string): Promise<string> {
	const response = await fetch(`${origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin },
		body: new URLSearchParams({ email, password })
	});
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('mc_session='));
	if (!cookie) throw new Error(`sign-in as ${email} failed (${response.status})`);
	const session = cookie.split(';')[0]!;
	if (!response.headers.get('location')?.startsWith('/login/two-factor')) return session;
	if (!totpKey) throw new Error(`${email} has two-step verification on, and no TOTP key was given`);
	const key = decodeBase32IgnorePadding(totpKey);
	const firstStep = Math.floor(Date.now() / 30_000);
	for (let step = firstStep; step <= firstStep + 2; step++) {
		while (Math.floor(Date.now() / 30_000) + 1 < step) await sleep(250);
		const second = await fetch(`${origin}/login/two-factor?/totp`, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin, cookie: session },
			body: new URLSearchParams({ code: generateHOTP(key, BigInt(step), 6), next: '/' })
		});
		const renewed = second.headers.getSetCookie().find((c) => c.startsWith('mc_session='));
		if (second.status === 303 || second.status === 302) return renewed?.split(';')[0] ?? session;
	}
	throw new Error(`the two-step sign-in of ${email} was refused`);
}

/** The node that owns `roomId` now (placing it if free), or undefined while no node answers. */
export async function ownerOf(origin: string, cookie: string, roomId: string): Promise<string | undefined> {
	try {
		const response = await fetch(`${origin}/ir/${roomId}/live/placement`, {
			method: 'POST',
			headers: { cookie, origin, accept: 'application/json' },
			signal: AbortSignal.timeout(2000)
		});
		if (!response.ok) return undefined;
		const body = (await response.json()) as { node: string | null };
		return body.node ?? undefined;
	} catch {
		return undefined;
	}
}

/** Polls the placement until another node than `previous` owns the room; returns it and the time taken. */
export async function waitForNewOwner(
	origin: string,
	cookie: string,
	roomId: string,
	previous: string,
	timeoutMs = 30_000
): Promise<{ owner: string; ms: number }> {
	const started = performance.now();
	for (;;) {
		const owner = await ownerOf(origin, cookie, roomId);
		if (owner && owner !== previous) return { owner, ms: Math.round(performance.now() - started) };
		if (performance.now() - started > timeoutMs) throw new Error(`no node took ${roomId} over within ${timeoutMs} ms`);
		await sleep(50);
	}
}

/** A seeded IR session that is open (scheduled or live): the room to place. */
export async function openSessionId(databaseUrl: string): Promise<string> {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		const { rows } = await client.query<{ id: string }>(
			`select id from ir_events where status in ('scheduled', 'live') order by starts_at limit 1`
		);
		if (!rows[0]) throw new Error('the demo seed has no open IR session');
		return rows[0].id;
	} finally {
		await client.end();
	}
}
