// Hostile input against the production build: NUL bytes, C0 controls, lone surrogates, 1 MB strings
// and deeply nested JSON, sent to every OpenAPI write endpoint, to every form on the main pages and as
// every socket event. Nothing may answer 500 or worse, and the process must still be up afterwards.
// Bounded: a fixed set of variants per target, a request timeout, and a cap on forms per page.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { io as connect } from 'socket.io-client';
import { demo, signIn } from './support/accounts';
import { deepJsonText, evilStrings, fillSchema, SOCKET_EVENTS, type OpenApiDoc } from './support/fuzz';

test.describe.configure({ timeout: 600_000 });

const RANDOM_ID = '5b0a3c1e-8f2d-4e6a-9c1b-2d3e4f5a6b7c';
async function record(serverErrors: string[], what: string, send: () => Promise<{ status(): number }>) {
	const response = await send().catch((error: Error) => ({
		status: () => (/ECONNRESET|socket hang up|EPIPE/.test(error.message) ? 0 : 599),
		error
	}));
	if (response.status() >= 500)
		serverErrors.push(
			`${response.status()} ${what}${'error' in response ? `: ${String(response.error.message).split('\n')[0]}` : ''}`
		);
}

async function expectAlive(request: APIRequestContext) {
	expect((await request.get('/healthz')).status()).toBe(200);
}

test('every OpenAPI write endpoint answers hostile JSON without a server error', async ({ page, baseURL }) => {
	await signIn(page, demo.operator);
	const api = page.request;
	const doc = (await (await api.get('/api/v1/openapi.json')).json()) as OpenApiDoc;
	const serverErrors: string[] = [];
	let sent = 0;
	for (const [path, operations] of Object.entries(doc.paths)) {
		for (const method of ['post', 'put', 'patch', 'delete'] as const) {
			const operation = operations[method];
			if (!operation) continue;
			const schema = operation.requestBody?.content?.['application/json']?.schema;
			const bodies: string[] = [
				...evilStrings.map((evil) => JSON.stringify(fillSchema(doc, schema, evil.value))),
				deepJsonText(100_000),
				`{"nested":${deepJsonText(1000)}}`,
				JSON.stringify('x'.repeat(1024 * 1024))
			];
			// Hostile path parameters once each; the bodies against a well-formed (unknown) id.
			const targets = [
				...bodies.map((body) => ({ id: RANDOM_ID, body })),
				...(path.includes('{') ? ['%00', '%ED%A0%80'].map((id) => ({ id, body: bodies[0] })) : [])
			];
			for (const { id, body } of targets) {
				const url = `${baseURL}/api/v1${path.replace(/\{[^}]+\}/g, id)}`;
				sent++;
				await record(serverErrors, `${method.toUpperCase()} ${url}`, () =>
					api.fetch(url, { method, data: body, headers: { 'content-type': 'application/json' }, timeout: 30_000 })
				);
			}
		}
	}
	expect(sent).toBeGreaterThan(50);
	expect(serverErrors).toEqual([]);
	await expectAlive(api);
});

/** The post forms of `path` with at least one text field: action URL, enctype and fields. */
async function formsOf(page: Page, path: string) {
	await page.goto(path);
	return page.$$eval('form[method="post" i]', (forms) =>
		forms.slice(0, 12).map((form) => {
			const f = form as HTMLFormElement;
			const fields = [...f.querySelectorAll('input[name], textarea[name], select[name]')].map((el) => {
				const input = el as HTMLInputElement;
				return {
					name: input.name,
					type: el.tagName === 'TEXTAREA' ? 'textarea' : el.tagName === 'SELECT' ? 'select' : input.type,
					value: input.value
				};
			});
			return { action: f.action, multipart: f.enctype === 'multipart/form-data', fields };
		})
	);
}

const TEXT_TYPES = new Set(['text', 'textarea', 'email', 'search', 'url', 'tel', 'password']);
const SKIP_ACTION = /logout|signOutEverywhere|revoke|delete|remove|language/i;

test('the forms of the main pages answer hostile text without a server error', async ({ page }) => {
	const pages: Record<string, string[]> = {
		[demo.operator]: [
			'/settings',
			'/settings/security',
			'/settings/tokens',
			'/settings/calendar',
			'/orgs/new',
			'/admin/taxonomy',
			'/courses/manage',
			'/testbed/manage/resources/new'
		],
		[demo.hospital]: ['/needs/new'],
		[demo.startupAdmin]: ['/ir/new', '/orgs']
	};
	const serverErrors: string[] = [];
	let posted = 0;
	for (const [email, paths] of Object.entries(pages)) {
		await page.context().clearCookies();
		await signIn(page, email);
		for (const path of paths) {
			for (const form of await formsOf(page, path)) {
				if (SKIP_ACTION.test(form.action) || !form.fields.some((field) => TEXT_TYPES.has(field.type))) continue;
				for (const evil of [...evilStrings, { name: '1 MB', value: 'x'.repeat(1024 * 1024) }]) {
					for (const everyField of [false, true]) {
						const values: Record<string, string> = {};
						for (const field of form.fields)
							values[field.name] = everyField || TEXT_TYPES.has(field.type) ? evil.value : field.value;
						posted++;
						const origin = new URL(form.action).origin;
						await record(
							serverErrors,
							`${path} → ${form.action} (${evil.name}${everyField ? ', every field' : ''})`,
							() =>
								page.request.post(form.action, {
									...(form.multipart ? { multipart: values } : { form: values }),
									headers: { origin },
									maxRedirects: 0,
									timeout: 30_000
								})
						);
					}
				}
			}
		}
	}
	expect(posted).toBeGreaterThan(20);
	expect(serverErrors).toEqual([]);
	await expectAlive(page.request);
});

test('every socket event answers hostile payloads, and the process stays up', async ({ page, baseURL }) => {
	await signIn(page, demo.investor);
	const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	const socket = connect(baseURL!, {
		path: '/socket.io',
		transports: ['websocket'],
		forceNew: true,
		reconnection: false,
		extraHeaders: { cookie }
	});
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', () => resolve());
		socket.once('connect_error', reject);
	});
	const unanswered: string[] = [];
	for (const event of SOCKET_EVENTS) {
		const payloads: unknown[] = [
			...evilStrings.map((evil) => ({
				eventId: RANDOM_ID,
				responseId: RANDOM_ID,
				questionId: RANDOM_ID,
				messageId: RANDOM_ID,
				userId: RANDOM_ID,
				body: evil.value,
				ids: [evil.value],
				action: evil.value
			})),
			...evilStrings.map((evil) => ({ eventId: evil.value })),
			null,
			'x'.repeat(32 * 1024)
		];
		for (const payload of payloads) {
			if (!event.ack) {
				socket.emit(event.name, payload);
				continue;
			}
			const reply = (await socket
				.timeout(10_000)
				.emitWithAck(event.name, payload)
				.catch(() => null)) as { ok?: boolean; error?: { message?: string } } | null;
			// A refusal with a message, never silence (an unhandled failure) and never acceptance of this input.
			if (!reply || reply.ok !== false || !reply.error?.message)
				unanswered.push(`${event.name}: ${JSON.stringify(reply)}`);
		}
	}
	expect(unanswered).toEqual([]);
	// Deeply nested JSON as raw socket.io EVENT packets (client encoders would overflow building them).
	for (const event of SOCKET_EVENTS) socket.io.engine.write(`2["${event.name}",${deepJsonText(20_000)}]`);
	expect(await socket.timeout(10_000).emitWithAck('notifications:mark_read', { ids: [] })).toEqual({ ok: true });
	expect(socket.connected).toBe(true);
	// Larger than the server's 64 KB message limit: the server drops that connection, and only it.
	socket.emit('needs:post', { responseId: RANDOM_ID, body: 'x'.repeat(1024 * 1024) });
	await expect.poll(() => socket.disconnected, { timeout: 10_000 }).toBe(true);
	socket.close();
	await expectAlive(page.request);
});
