// The media:* socket events of one participant in one live room: every request is validated with
// zod and checked against the participant's grants each time (grants change while the room runs),
// then handed to the room's SFU; server-initiated offers and track lists are pushed back.
import type { MediaPushes, MediaRequestName, MediaRequests } from '../../media/types';
import * as m from '../../paraglide/messages';
import { MediaError, type MediaErrorCode, type MediaRoom } from './backend';
import { firstIssuePath, mediaRequestSchemas } from './schemas';
import { defineSocketEvents } from '../realtime/socket-events';

/** The part of a socket.io socket this module uses (a real socket fits; tests may pass their own). */
export type MediaSocket = {
	on(event: string, listener: (...args: any[]) => void): unknown;
	off(event: string, listener: (...args: any[]) => void): unknown;
	emit<E extends keyof MediaPushes>(event: E, payload: MediaPushes[E]): unknown;
	data?: { user?: { locale?: 'ko' | 'en' } };
};

export type MediaSignallingOptions = {
	room: MediaRoom;
	/** This participant's peer id in the room (see PEER_ID_PATTERN). */
	peerId: string;
	/** Asked on every media:publish (a viewer promoted to speaker may publish from then on). */
	canPublish: () => boolean;
	/** Asked on every media:subscribe. */
	canSubscribe: () => boolean;
	/** The language of error messages; by default the socket's signed-in user's. */
	locale?: () => 'ko' | 'en';
	/** Unexpected failures (not MediaError) are reported here, and the client gets a generic message. */
	onError?: (error: unknown, event: MediaRequestName) => void;
};

type Failure = { ok: false; error: { code: string; message: string } };

const messages: Record<MediaErrorCode, (locale: 'ko' | 'en', field: string) => string> = {
	media_invalid_payload: (locale, field) => m.media_error_invalid_payload({ field }, { locale }),
	media_publish_forbidden: (locale) => m.media_error_publish_forbidden({}, { locale }),
	media_subscribe_forbidden: (locale) => m.media_error_subscribe_forbidden({}, { locale }),
	media_invalid_offer: (locale) => m.media_error_invalid_offer({}, { locale }),
	media_not_subscribed: (locale) => m.media_error_not_subscribed({}, { locale }),
	media_closed: (locale) => m.media_error_closed({}, { locale }),
	media_unavailable: (locale) => m.media_error_unavailable({}, { locale }),
	media_renegotiation_unsupported: (locale) => m.ir_live_edge_media_error_renegotiation_unsupported({}, { locale })
};

/**
 * Registers media:publish, media:unpublish, media:subscribe, media:answer and media:ice on the
 * socket and forwards the room's 'offer' (for this peer) and 'tracks' events to it. Returns the
 * function that removes all of that; call it on leave or disconnect (it does not close the peer's
 * connections: call room.leave(peerId) for that).
 */
export function registerMediaSignalling(socket: MediaSocket, options: MediaSignallingOptions): () => void {
	const { room, peerId } = options;
	const locale = () => options.locale?.() ?? socket.data?.user?.locale ?? 'ko';
	const fail = (code: MediaErrorCode, field = ''): Failure => ({
		ok: false,
		error: { code, message: messages[code](locale(), field) }
	});

	const handlers: {
		[E in MediaRequestName]: (payload: MediaRequests[E]['payload']) => Promise<MediaRequests[E]['reply']>;
	} = {
		'media:publish': async ({ offer, sources }) => {
			if (!options.canPublish()) return fail('media_publish_forbidden');
			return { ok: true, answer: await room.publish(peerId, offer, sources) };
		},
		'media:unpublish': async () => {
			await room.unpublish(peerId);
			return { ok: true };
		},
		'media:subscribe': async () => {
			if (!options.canSubscribe()) return fail('media_subscribe_forbidden');
			const offer = await room.subscribe(peerId);
			return { ok: true, offer, tracks: room.tracks() };
		},
		'media:answer': async ({ answer }) => {
			if (!options.canSubscribe()) return fail('media_subscribe_forbidden');
			await room.setAnswer(peerId, answer);
			return { ok: true };
		},
		'media:ice': async ({ leg, candidate }) => {
			if (leg === 'publish' ? !options.canPublish() : !options.canSubscribe())
				return fail(leg === 'publish' ? 'media_publish_forbidden' : 'media_subscribe_forbidden');
			await room.addIceCandidate(peerId, leg, candidate);
			return { ok: true };
		}
	};

	const off = defineSocketEvents(socket, mediaRequestSchemas, handlers, {
		locale,
		invalid: (error) => fail('media_invalid_payload', error ? firstIssuePath(error) : '(payload)'),
		refuse: (error) => (error instanceof MediaError ? fail(error.code) : undefined),
		failed: () => fail('media_closed'),
		onError: (error, event) => options.onError?.(error, event as MediaRequestName)
	});

	const offOffer = room.on('offer', (target, offer) => {
		if (target === peerId) socket.emit('media:offer', { offer, tracks: room.tracks() });
	});
	const offTracks = room.on('tracks', (tracks) => socket.emit('media:tracks', { tracks }));

	return () => {
		off();
		offOffer();
		offTracks();
	};
}
