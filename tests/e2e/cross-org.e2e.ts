// A member of one organisation can do nothing to another through forms or socket events,
// and a socket without a session is refused with a clear connect_error.
import { expect, test } from '@playwright/test';
import { io } from 'socket.io-client';
import { demo, pageAs } from './support/accounts';

test('an org admin cannot manage another organisation through its forms', async ({ browser }) => {
	const admin = await pageAs(browser, demo.startupAdmin);
	expect((await admin.goto('/orgs/wonju-mtv/manage'))?.status()).toBe(403);

	// A real member of the other organisation (the facility manager of wonju-mtv).
	const facility = await pageAs(browser, demo.facility);
	const memberId = await facility.evaluate(async () => (await (await fetch('/api/v1/me')).json()).id as string);
	await facility.context().close();
	for (const action of ['remove', 'setRole']) {
		const response = await admin.request.post(`/orgs/wonju-mtv/manage?/${action}`, {
			form: { userId: memberId, role: 'owner' },
			headers: { origin: new URL(admin.url()).origin, accept: 'application/json' }
		});
		const body = await response.json();
		expect(body.type).toBe('failure');
		expect(body.status).toBe(403);
	}
	await admin.context().close();
});

test('socket.io refuses a client without a session, and mark_read touches only the sender’s notifications', async ({
	browser,
	baseURL
}) => {
	const refused = io(baseURL!, { path: '/socket.io', transports: ['websocket'], reconnection: false });
	const error = await new Promise<Error & { data?: { message: string } }>((resolve) =>
		refused.on('connect_error', resolve)
	);
	expect(error.data?.message).toBe('로그인이 필요합니다.');
	refused.close();

	const operator = await pageAs(browser, demo.operator);
	const cookie = (await operator.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	const socket = io(baseURL!, {
		path: '/socket.io',
		transports: ['websocket'],
		extraHeaders: { cookie },
		reconnection: false
	});
	const first = await new Promise<{ count: number }>((resolve) => socket.once('notifications:unread', resolve));
	expect(first.count).toBeGreaterThanOrEqual(0);

	const invalid = await socket.emitWithAck('notifications:mark_read', { ids: ['not-a-uuid'] });
	expect(invalid).toMatchObject({ ok: false, error: { code: 'validation_failed' } });

	// Give the startup member two notifications (role changed twice), then let the operator try to
	// mark them read over the operator's own socket: the member's unread count must not move.
	const admin = await pageAs(browser, demo.startupAdmin);
	const member = await pageAs(browser, demo.startup);
	const memberId = await member.evaluate(async () => (await (await fetch('/api/v1/me')).json()).id as string);
	const headers = { origin: new URL(admin.url()).origin, accept: 'application/json' };
	for (const role of ['admin', 'member']) {
		const res = await admin.request.post('/orgs/pulsewise/manage?/setRole', {
			form: { userId: memberId, role },
			headers
		});
		expect((await res.json()).type).toBe('success');
	}
	await member.goto('/notifications');
	const ids = await member
		.locator('input[name=id]')
		.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
	expect(ids.length).toBeGreaterThanOrEqual(2);

	const memberCookie = (await member.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	const unreadOfMember = async () => {
		const s = io(baseURL!, {
			path: '/socket.io',
			transports: ['websocket'],
			extraHeaders: { cookie: memberCookie },
			reconnection: false
		});
		const { count } = await new Promise<{ count: number }>((resolve) => s.once('notifications:unread', resolve));
		s.close();
		return count;
	};
	const before = await unreadOfMember();
	expect(before).toBeGreaterThanOrEqual(2);
	expect(await socket.emitWithAck('notifications:mark_read', { ids })).toEqual({ ok: true });
	expect(await unreadOfMember()).toBe(before);
	await admin.context().close();
	await member.context().close();
	socket.close();
	await operator.context().close();
});
