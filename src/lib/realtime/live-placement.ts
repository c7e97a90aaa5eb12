// Where the live room's socket goes when the portal runs on several nodes: the node that owns the
// room (the proxy routes /socket.io/?node=<id> to it). Asked before the first connect and again
// whenever the socket drops or is refused, so a reconnect after a failover lands on the new owner.
import type { Socket } from 'socket.io-client';

/** The owning node's id, null without a cluster, undefined when the question failed (try again). */
export async function askPlacement(eventId: string): Promise<string | null | undefined> {
	try {
		const response = await fetch(`/ir/${eventId}/live/placement`, {
			method: 'POST',
			cache: 'no-store',
			headers: { accept: 'application/json' }
		});
		if (!response.ok) return undefined;
		const body = (await response.json()) as { node?: unknown };
		return typeof body.node === 'string' ? body.node : null;
	} catch {
		return undefined;
	}
}

/**
 * Keeps the socket manager's query pointed at the room's owner: updated on every drop and refusal,
 * before socket.io's next reconnect attempt opens a new transport with it.
 */
export function followPlacement(socket: Socket, eventId: string): { ready: Promise<void> } {
	// One question at a time: after a failover the server answers when the old lease ends (a few
	// seconds), while every failed reconnect attempt meanwhile would ask again.
	let asking: Promise<void> | undefined;
	const update = () =>
		(asking ??= (async () => {
			const node = await askPlacement(eventId);
			if (node !== undefined) socket.io.opts.query = node ? { node } : {};
		})().finally(() => (asking = undefined)));
	socket.on('disconnect', () => void update());
	socket.on('connect_error', () => void update());
	return { ready: update() };
}
