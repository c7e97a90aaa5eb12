// The portal outlives its database and shuts down cleanly: a private PostgreSQL is restarted and the
// portal's backends are terminated while four clients book and a socket listens; then SIGTERM
// arrives while requests wait on a lock. Runs the built server (`node server.js`, see BUILD_DIR).
import { expect, test } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import { createPrivatePostgres, type PrivatePostgres } from './support/private-postgres';
import { signInCookie, startPortal, type PortalProcess } from './support/portal-process';
import { DEMO_PASSWORD, demo } from './support/accounts';

const PG_PORT = Number(process.env.E2E_OUTAGE_PG_PORT ?? 5443);
const PORTAL_PORT = Number(process.env.E2E_OUTAGE_PORT ?? 5211);
const SLOT_MS = 30 * 60_000;

test.describe.configure({ mode: 'serial', timeout: 420_000 });

let postgres: PrivatePostgres | undefined;
let portal: PortalProcess | undefined;

test.beforeAll(() => {
	postgres = createPrivatePostgres(PG_PORT);
	postgres.start();
});

test.afterAll(() => {
	postgres?.destroy();
});

test.afterEach(async ({}, testInfo) => {
	if (!portal) return;
	if (testInfo.status !== testInfo.expectedStatus)
		await testInfo.attach('portal output', { body: portal.output(), contentType: 'text/plain' });
	await portal.kill();
	portal = undefined;
});

type Attempt = { status: number; id?: string; error?: string };

async function book(baseURL: string, cookie: string, resourceId: string, slot: number, base: number): Promise<Attempt> {
	const start = new Date(base + slot * SLOT_MS);
	try {
		const response = await fetch(`${baseURL}/api/v1/bookings`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: new URL(baseURL).origin, cookie },
			body: JSON.stringify({
				resourceId,
				start: start.toISOString(),
				end: new Date(start.getTime() + SLOT_MS).toISOString(),
				purpose: `outage test ${slot}`
			})
		});
		const body = await response.json();
		return {
			status: response.status,
			id: response.status === 201 ? body.id : undefined,
			error: response.status === 201 ? undefined : JSON.stringify(body)
		};
	} catch (error) {
		// A reset connection or a cut response: exactly what must not happen.
		return { status: 0, error: String((error as Error)?.cause ?? error) };
	}
}

function connectSocket(baseURL: string, cookie: string): Promise<Socket> {
	const socket = io(baseURL, {
		path: '/socket.io',
		transports: ['websocket'],
		extraHeaders: { cookie },
		reconnection: true
	});
	return new Promise((resolve, reject) => {
		socket.once('connect', () => resolve(socket));
		socket.once('connect_error', reject);
	});
}

async function readyz(baseURL: string) {
	const response = await fetch(`${baseURL}/readyz`);
	return { status: response.status, body: await response.json() };
}

/** Tomorrow 00:00 UTC (on every resource's 30-minute grid), plus a per-run offset so runs never collide. */
function bookingBase(dayOffset: number) {
	const day = new Date();
	day.setUTCHours(0, 0, 0, 0);
	return day.getTime() + (1 + dayOffset) * 86_400_000;
}

async function setUp() {
	const db = postgres!;
	// A pool larger than the requests the SIGTERM test holds on a lock, so none waits for a connection.
	portal = await startPortal({
		port: PORTAL_PORT,
		databaseUrl: db.url,
		env: { SHUTDOWN_TIMEOUT_MS: '60000', DATABASE_POOL_SIZE: '20' }
	});
	const [resource] = await db.query<{ id: string }>(`select id from resources where slug = 'cloud-samd-bench'`);
	const [response] = await db.query<{ id: string }>(
		`select r.id from need_responses r join organizations o on o.id = r.org_id where o.slug = 'pulsewise' and r.status = 'accepted'`
	);
	expect(resource?.id, 'the demo seed has the cloud SaMD bench').toBeTruthy();
	expect(response?.id, 'the demo seed has an accepted need response').toBeTruthy();
	return { baseURL: portal.baseURL, resourceId: resource.id, responseId: response.id };
}

test('restarting PostgreSQL and killing the portal’s backends under load: 503s, no crash, every 201 stored, live pushes resume', async () => {
	const { baseURL, resourceId, responseId } = await setUp();
	const db = postgres!;
	const cookies = await Promise.all(
		[demo.startup, demo.startup, demo.startupAdmin, demo.startupAdmin].map((email) =>
			signInCookie(baseURL, email, DEMO_PASSWORD)
		)
	);
	const hospital = await signInCookie(baseURL, demo.hospital, DEMO_PASSWORD);

	const socket = await connectSocket(baseURL, hospital);
	const resyncs: unknown[] = [];
	const messages: { body: string }[] = [];
	socket.on('realtime:resync', (payload) => resyncs.push(payload));
	socket.on('needs:message', (message) => messages.push(message));
	const joined = await socket.emitWithAck('needs:join', { responseId });
	expect(joined).toEqual({ ok: true });

	// Four clients book consecutive half hours until the disruptions are over (bounded in count).
	const base = bookingBase(0);
	const attempts: Attempt[] = [];
	let disrupted = false;
	const client = async (index: number) => {
		for (let n = 0; n < 60 && !(disrupted && n >= 20); n++) {
			const attempt = await book(baseURL, cookies[index], resourceId, n * 4 + index, base);
			attempts.push(attempt);
			// As a well-behaved client would, wait a little after a 503.
			if (attempt.status === 503) await new Promise((resolve) => setTimeout(resolve, 100));
		}
	};
	const load = Promise.all([0, 1, 2, 3].map(client));

	const created = () => attempts.filter((a) => a.status === 201).length;
	await expect.poll(created, { timeout: 60_000 }).toBeGreaterThanOrEqual(8);
	// Every connection the portal holds (pool and LISTEN), killed from outside.
	const [{ killed }] = await db.query<{ killed: number }>(
		`select count(*)::int as killed from (select pg_terminate_backend(pid) from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()) t`
	);
	expect(killed).toBeGreaterThan(0);
	const afterKill = attempts.length;
	await expect.poll(() => attempts.length, { timeout: 60_000 }).toBeGreaterThan(afterKill + 8);
	db.restart();

	// While it is down: the API's problem, a translated page, and /readyz naming what is down.
	db.stop();
	const api = await fetch(`${baseURL}/api/v1/bookings`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: new URL(baseURL).origin, cookie: cookies[0] },
		body: '{}'
	});
	expect(api.status).toBe(503);
	expect(await api.json()).toEqual({
		error: {
			code: 'database_unavailable',
			message: '데이터베이스에 잠시 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.'
		}
	});
	const session = hospital.split('; ').filter((c) => c.startsWith('mc_session='));
	const page = await fetch(`${baseURL}/testbed`, {
		headers: { accept: 'text/html', cookie: [...session, 'PARAGLIDE_LOCALE=en'].join('; ') }
	});
	expect(page.status).toBe(503);
	expect(await page.text()).toContain('The database is briefly unreachable.');
	// Failing later than the hooks: in a visitor's page load, and in a public endpoint.
	const visitorPage = await fetch(`${baseURL}/directory`, {
		headers: { accept: 'text/html', cookie: 'PARAGLIDE_LOCALE=en' }
	});
	expect(visitorPage.status).toBe(503);
	expect(await visitorPage.text()).toContain('The database is briefly unreachable.');
	const publicApi = await fetch(`${baseURL}/api/v1/organizations/wonju-mtv`, { headers: { 'accept-language': 'en' } });
	expect(publicApi.status).toBe(503);
	expect(await publicApi.json()).toEqual({
		error: {
			code: 'database_unavailable',
			message: 'The database is briefly unreachable. Please try again in a moment.'
		}
	});
	// On PostgreSQL the process is a cluster node too: its heartbeat cannot be renewed either.
	await expect
		.poll(() => readyz(baseURL), { timeout: 30_000 })
		.toEqual({
			status: 503,
			body: {
				status: 'not_ready',
				checks: { accepting: 'ok', database: 'unreachable', listen: 'down', cluster: 'no_heartbeat' }
			}
		});
	db.start();
	disrupted = true;
	await load;

	expect(portal!.child.exitCode, 'the portal is still running').toBeNull();
	expect(
		attempts.filter((a) => a.status === 0),
		'no request was cut off'
	).toEqual([]);
	expect(
		attempts.filter((a) => a.status !== 201 && a.status !== 503),
		'only 201s and 503s'
	).toEqual([]);
	expect(
		attempts.some((a) => a.status === 503),
		'the outage was felt'
	).toBe(true);
	const ids = attempts.flatMap((a) => (a.id ? [a.id] : []));
	const stored = await db.query<{ id: string }>(`select id from bookings where id = any($1::uuid[])`, [ids]);
	expect(stored.map((r) => r.id).sort()).toEqual([...ids].sort());

	await expect.poll(async () => (await readyz(baseURL)).status, { timeout: 60_000 }).toBe(200);
	expect((await readyz(baseURL)).body).toEqual({
		status: 'ready',
		checks: { accepting: 'ok', database: 'ok', listen: 'ok', cluster: 'ok' }
	});
	await expect.poll(() => resyncs.length, { timeout: 30_000 }).toBeGreaterThan(0);

	// A message posted now reaches the socket through the reopened LISTEN connection.
	const body = `after the outage ${Date.now()}`;
	expect(await socket.emitWithAck('needs:post', { responseId, body })).toEqual({ ok: true });
	await expect.poll(() => messages.some((m) => m.body === body), { timeout: 30_000 }).toBe(true);
	socket.disconnect();
	expect(portal!.output()).not.toMatch(/uncaught exception|Unhandled 'error' event/);
});

test('SIGTERM under load: every request in flight gets its full response, then the process exits 0', async () => {
	const { baseURL, resourceId } = await setUp();
	const db = postgres!;
	const cookie = await signInCookie(baseURL, demo.startup, DEMO_PASSWORD);
	const socket = await connectSocket(baseURL, cookie);

	// Hold every request on a lock of the sessions table, which the hooks read before any route runs:
	// the requests are surely in flight when the signal comes, and still need the whole app after it.
	const pg = (await import('pg')).default;
	const locker = new pg.Client({ connectionString: db.url });
	await locker.connect();
	try {
		await locker.query('begin');
		await locker.query('lock table sessions in access exclusive mode');
		const base = bookingBase(7);
		const requests = Array.from({ length: 8 }, (_, slot) => book(baseURL, cookie, resourceId, slot, base));
		await expect
			.poll(
				async () =>
					(
						await db.query<{ n: number }>(
							`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and pid <> pg_backend_pid()`
						)
					)[0].n,
				{ timeout: 60_000 }
			)
			.toBeGreaterThanOrEqual(8);

		portal!.child.kill('SIGTERM');
		// New connections are refused once it has stopped accepting...
		await expect
			.poll(
				() =>
					fetch(`${baseURL}/healthz`).then(
						() => 'accepted',
						() => 'refused'
					),
				{ timeout: 30_000 }
			)
			.toBe('refused');
		expect(portal!.child.exitCode, '...but it waits for the requests in flight').toBeNull();
		await locker.query('commit');

		const results = await Promise.all(requests);
		expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
		expect(await portal!.exited).toBe(0);
		expect(socket.connected).toBe(false);
		const ids = results.map((r) => r.id!);
		expect((await db.query(`select id from bookings where id = any($1::uuid[])`, [ids])).length).toBe(8);
	} finally {
		await locker.end().catch(() => {});
		socket.disconnect();
	}
	expect(portal!.output()).not.toMatch(/runtime has not been started|uncaught exception/);
});
