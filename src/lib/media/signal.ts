// The one function LiveMedia talks to the server through (R's wraps socket.io's emitWithAck).
import type { MediaRequestName, MediaRequests } from './types';

/**
 * Sends a media request and resolves with the server's acknowledgement (a failure reply resolves
 * too, `{ ok: false, error }`; reject only when the request could not be delivered).
 */
export type MediaSignal = <E extends MediaRequestName>(
	event: E,
	payload: MediaRequests[E]['payload']
) => Promise<MediaRequests[E]['reply']>;

/** A refused media request: `code` is stable, `message` is translated for the user. */
export class MediaRequestError extends Error {
	constructor(
		readonly code: string,
		message: string
	) {
		super(message);
		this.name = 'MediaRequestError';
	}
}

/** Sends and unwraps: the success reply, or a thrown MediaRequestError. */
export async function request<E extends MediaRequestName>(
	signal: MediaSignal,
	event: E,
	payload: MediaRequests[E]['payload']
) {
	const reply = await signal(event, payload);
	if (!reply.ok) throw new MediaRequestError(reply.error.code, reply.error.message);
	return reply as Extract<MediaRequests[E]['reply'], { ok: true }>;
}
