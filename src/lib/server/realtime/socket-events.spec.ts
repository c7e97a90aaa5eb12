import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NotFoundError } from '../errors';
import { defineSocketEvents, type EventSocket } from './socket-events';

/** Listeners by event; `send` calls one as socket.io would, with or without an ack. */
function fakeSocket(): EventSocket & { send(event: string, payload: unknown): Promise<unknown> } {
	const listeners = new Map<string, (payload: unknown, ack?: (reply: unknown) => void) => void>();
	return {
		id: 'socket-1',
		data: { user: { id: 'user-1', locale: 'en' } },
		on: (event, listener) => listeners.set(event, listener),
		off: (event) => listeners.delete(event),
		send: (event, payload) => new Promise((resolve) => listeners.get(event)!(payload, resolve))
	};
}

const schemas = { 'needs:post': z.object({ responseId: z.string(), body: z.string() }) };

describe('defineSocketEvents', () => {
	it('validates, runs the handler and acknowledges ok', async () => {
		const socket = fakeSocket();
		const seen: unknown[] = [];
		defineSocketEvents(socket, schemas, { 'needs:post': (input) => void seen.push(input) });
		expect(await socket.send('needs:post', { responseId: 'r', body: 'hi', extra: 1 })).toEqual({ ok: true });
		expect(seen).toEqual([{ responseId: 'r', body: 'hi' }]);
		expect(await socket.send('needs:post', { responseId: 'r' })).toMatchObject({
			ok: false,
			error: { code: 'validation_failed', message: 'Please check what you entered.' }
		});
	});

	it('refuses text PostgreSQL cannot store anywhere in the payload, before the handler runs', async () => {
		const socket = fakeSocket();
		let ran = false;
		defineSocketEvents(socket, schemas, { 'needs:post': () => void (ran = true) });
		const reply = (await socket.send('needs:post', { responseId: 'r', body: 'a\u0000b' })) as {
			ok: boolean;
			error: { message: string };
		};
		expect(reply.ok).toBe(false);
		expect(reply.error.message).toContain('not allowed');
		expect(ran).toBe(false);
	});

	it('translates domain errors, and turns anything else (thrown or rejected) into a logged internal problem', async () => {
		const socket = fakeSocket();
		const logged: Record<string, unknown>[] = [];
		let failure: () => never = () => {
			throw new NotFoundError();
		};
		defineSocketEvents(
			socket,
			schemas,
			{ 'needs:post': async () => failure() },
			{ logger: { error: (fields: Record<string, unknown>) => void logged.push(fields) } as never }
		);
		expect(await socket.send('needs:post', { responseId: 'r', body: 'b' })).toEqual({
			ok: false,
			error: { code: 'not_found', message: 'We could not find that page.' }
		});
		expect(logged).toEqual([]);
		failure = () => {
			throw new Error('Connection terminated unexpectedly');
		};
		expect(await socket.send('needs:post', { responseId: 'r', body: 'b' })).toEqual({
			ok: false,
			error: { code: 'internal', message: 'Something went wrong on our side. Please try again shortly.' }
		});
		expect(logged).toMatchObject([{ event: 'needs:post', socketId: 'socket-1', userId: 'user-1' }]);
	});

	it('copes with a client that sends no acknowledgement, and removes its listeners again', async () => {
		const listeners = new Map<string, (payload: unknown, ack?: unknown) => void>();
		const socket: EventSocket = {
			on: (event, listener) => listeners.set(event, listener),
			off: (event) => listeners.delete(event)
		};
		let ran = 0;
		const off = defineSocketEvents(socket, schemas, {
			'needs:post': async () => {
				ran++;
				throw new Error('boom');
			}
		});
		listeners.get('needs:post')!({ responseId: 'r', body: 'b' });
		listeners.get('needs:post')!({ responseId: 'r', body: 'b' }, 'not a function');
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(ran).toBe(2);
		off();
		expect(listeners.size).toBe(0);
	});
});
