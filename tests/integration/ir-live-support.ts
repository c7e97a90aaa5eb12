// The live room over real sockets: a socket.io server with the portal's auth and the IR handlers on
// an ephemeral port, socket.io clients signed in as test users, and IR sessions built in the database.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import type { DB } from '$lib/server/db';
import type { NewOrganization } from '$lib/server/db/types';
import { createSession, SESSION_COOKIE } from '$lib/server/auth/session';
import { authenticateSocket } from '$lib/server/auth/socket-auth';
import { registerIrLiveHandlers } from '$lib/server/ir/live/socket-handlers';
import type { LiveIo, MediaHooks } from '$lib/server/ir/live/presence';
import type { ClientToServerEvents, ServerToClientEvents } from '$lib/realtime/events';
import { addMember, createOrganization, createUser } from '../factories';

export type LiveClient = ClientSocket<ServerToClientEvents, ClientToServerEvents>;

export async function startLiveServer(db: Kysely<DB>, media?: MediaHooks) {
	const http = createServer();
	const io: LiveIo = new Server(http, { path: '/socket.io', serveClient: false });
	io.use(authenticateSocket(db));
	io.on('connection', (socket) => registerIrLiveHandlers({ io, db, media }, socket));
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
	const clients: LiveClient[] = [];
	return {
		io,
		async connectAs(user: { id: string }): Promise<LiveClient> {
			const { token } = await createSession(db, user.id);
			const client: LiveClient = connect(url, {
				path: '/socket.io',
				transports: ['websocket'],
				forceNew: true,
				reconnection: false,
				extraHeaders: { cookie: `${SESSION_COOKIE}=${token}; PARAGLIDE_LOCALE=en` }
			});
			clients.push(client);
			await new Promise<void>((resolve, reject) => {
				client.once('connect', () => resolve());
				client.once('connect_error', reject);
			});
			return client;
		},
		async close() {
			for (const client of clients) client.disconnect();
			await new Promise<void>((resolve) => io.close(() => resolve()));
		}
	};
}

/** Emits and waits for the acknowledgement (untyped on purpose: tests send malformed payloads too). */
export function request(
	client: LiveClient,
	event: string,
	payload: unknown,
	timeoutMs = 5000
): Promise<{ ok: boolean; error?: { code: string; message: string }; room?: any }> {
	return (client as unknown as ClientSocket).timeout(timeoutMs).emitWithAck(event, payload);
}

/** The next `event` the client receives that matches `accept`. */
export function nextEvent<T>(
	client: LiveClient,
	event: string,
	accept: (payload: T) => boolean = () => true,
	timeoutMs = 3000
): Promise<T> {
	const socket = client as unknown as ClientSocket;
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			socket.off(event, listener);
			reject(new Error(`no ${event} within ${timeoutMs} ms`));
		}, timeoutMs);
		const listener = (payload: T) => {
			if (!accept(payload)) return;
			clearTimeout(timer);
			socket.off(event, listener);
			resolve(payload);
		};
		socket.on(event, listener);
	});
}

type SessionOptions = {
	access?: 'members' | 'investors' | 'open';
	ndaVersion?: string;
	status?: 'scheduled' | 'live' | 'ended' | 'cancelled';
};

/** A startup's IR session with a moderator and a presenter (the creator). */
export async function createLiveSession(db: Kysely<DB>, options: SessionOptions = {}) {
	const startup = await createOrganization(db, { kind: 'company' });
	const presenter = await createUser(db);
	await addMember(db, startup.id, presenter.id, 'owner');
	const moderator = await createUser(db);
	const event = await db
		.insertInto('ir_events')
		.values({
			org_id: startup.id,
			title_ko: '시리즈 A IR',
			title_en: 'Series A pitch',
			summary_ko: '요약',
			summary_en: 'Summary',
			starts_at: new Date(Date.now() + 3_600_000),
			duration_minutes: 60,
			access: options.access ?? 'members',
			nda_required: Boolean(options.ndaVersion),
			nda_text: options.ndaVersion ? 'Keep it confidential.' : null,
			nda_version: options.ndaVersion ?? null,
			moderator_id: moderator.id,
			status: options.status ?? 'scheduled',
			cancel_reason: options.status === 'cancelled' ? 'Postponed' : null,
			created_by: presenter.id
		})
		.returningAll()
		.executeTakeFirstOrThrow();
	await db.insertInto('ir_event_presenters').values({ event_id: event.id, user_id: presenter.id }).execute();
	return { event, startup, presenter, moderator };
}

/** A user in an organisation of `kind`, registered for the session (with `ndaVersion` accepted). */
export async function createAttendee(
	db: Kysely<DB>,
	eventId: string,
	options: { kind?: NewOrganization['kind']; ndaVersion?: string | null; register?: boolean } = {}
) {
	const org = await createOrganization(db, { kind: options.kind ?? 'investor' });
	const user = await createUser(db);
	await addMember(db, org.id, user.id, 'member');
	if (options.register !== false) {
		const ndaVersion = options.ndaVersion ?? null;
		await db
			.insertInto('ir_registrations')
			.values({
				event_id: eventId,
				user_id: user.id,
				org_id: org.id,
				nda_version: ndaVersion,
				nda_accepted_at: ndaVersion ? new Date() : null
			})
			.execute();
	}
	return { user, org };
}
