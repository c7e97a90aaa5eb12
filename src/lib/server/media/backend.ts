// STATUS: working (werift SFU + browser client verified with Chromium on 127.0.0.1)
// The narrow contract of the media plane (an SFU): the live room talks only to these types, so a
// mediasoup backend can replace the werift one where its worker can be installed.
// Changes after the first version:
// - publish(): documented that every call carries all sources from a fresh browser peer connection
//   and replaces the previous one (subscribers keep their tracks); it and setAnswer() reject a
//   description of the wrong type with MediaError('media_invalid_offer').
// - MediaStats gained `retransmissions`; viewers' NACKs are answered by the SFU (≤ 60 per second each).
// - subscribe() answers null while there is nothing to watch; the first track sends the first offer.
// - (werift, issue 12) The interface is unchanged by the worker fan-out. The werift backend keeps
//   ingest on the main thread: publisher legs, SRTP decryption, keyframe requests to publishers.
//   Server-side recording taps it with WeriftRoom.onIngestRtp(listener(trackId, packet)) (werift
//   only, not part of MediaRoom): every decrypted publisher packet, before the fan-out. Viewers'
//   legs live in fan-out worker threads (MEDIA_WORKERS); stats() counters of forwarded packets,
//   bytes and retransmissions come from the workers and may lag by up to half a second.
// - MediaErrorCode gained 'media_unavailable' (the Janus backend cannot reach Janus).
// - (issue 18) publish() with an offer from the publisher's running browser connection (same ICE
//   ufrag) renegotiates it: sources that stay keep flowing untouched (a screen share comes or goes
//   without interrupting the camera). A backend that cannot do that throws
//   MediaError('media_renegotiation_unsupported') and the client publishes on a new connection.
// - (issue 18) MediaBackend.simulcast: the camera may be published as VP8 simulcast (rids l, m, h,
//   lowest first); the werift backend forwards each viewer one layer chosen from its leg's bandwidth.

import type {
	IceCandidate,
	MediaLeg,
	MediaSource,
	RTCIceServerConfig,
	SessionDescription,
	TrackInfo
} from '../../media/types';

import type { RecordingSink } from './recording/sink';

export type {
	IceCandidate,
	MediaKind,
	MediaLeg,
	MediaSource,
	RTCIceServerConfig,
	SessionDescription,
	TrackInfo
} from '../../media/types';

/**
 * A peer id names one participant in one room (R uses the user id, or the socket id): 1–56
 * characters of `[A-Za-z0-9_.-]`, because it becomes part of the WebRTC stream id (`a=msid`,
 * see streamIdFor in $lib/media/types).
 */
export const PEER_ID_PATTERN = /^[A-Za-z0-9_.-]{1,56}$/;

/** Counters since the room (or backend) was created; used by the benchmark and the logs. */
export type MediaStats = {
	rooms: number;
	publishers: number;
	subscribers: number;
	tracks: number;
	/** RTP packets received from publishers. */
	packetsReceived: number;
	/** RTP packets sent to subscribers (one per packet per subscriber). */
	packetsForwarded: number;
	bytesForwarded: number;
	/** PLI/FIR sent to publishers (relayed from viewers, or for viewers waiting for a keyframe). */
	keyframeRequests: number;
	/** NACKed packets resent to subscribers from the SFU's own buffer. */
	retransmissions: number;
};

export type MediaRoomEvents = {
	/** Server-initiated renegotiation of `peerId`'s subscribing leg; answer with `setAnswer`. */
	offer: (peerId: string, offer: SessionDescription) => void;
	/** The room's track list changed (a publisher came, left or changed its sources). */
	tracks: (tracks: TrackInfo[]) => void;
};

export interface MediaRoom {
	readonly id: string;
	/**
	 * Accepts a publisher's offer and returns the answer (with the server's candidates in it).
	 * One publishing peer connection per publisher: every call carries ALL the sources the
	 * publisher now sends, from a fresh browser peer connection, and replaces the previous one.
	 * Subscribers keep their tracks across such a replacement (sequence numbers and timestamps
	 * are rewritten), so only sources that appear or disappear renegotiate them ('offer').
	 * `sources` maps the mid of every offered sending m-line to its source; other m-lines are
	 * rejected. Throws MediaError('media_invalid_offer') when the offer cannot be used.
	 */
	publish(peerId: string, offer: SessionDescription, sources: Record<string, MediaSource>): Promise<SessionDescription>;
	/** Stops publishing (closes the publishing leg); subscribers get an 'offer' without its tracks. */
	unpublish(peerId: string): Promise<void>;
	/**
	 * Opens (or re-opens, replacing the old one) `peerId`'s subscribing peer connection and returns
	 * the server's offer, carrying every current track of the other publishers. Later changes
	 * arrive through the 'offer' event. With nothing to watch yet it answers null: an offer without
	 * media lines has no BUNDLE group, which browsers refuse under max-bundle, so the first track
	 * that arrives sends the first offer through the 'offer' event instead.
	 */
	subscribe(peerId: string): Promise<SessionDescription | null>;
	/** The viewer's answer to the latest server offer of its subscribing leg. */
	setAnswer(peerId: string, answer: SessionDescription): Promise<void>;
	/** A trickled browser candidate for one leg; ignored when that leg does not exist (yet). */
	addIceCandidate(peerId: string, leg: MediaLeg, candidate: IceCandidate): Promise<void>;
	/** Closes both legs of `peerId`. */
	leave(peerId: string): Promise<void>;
	tracks(): TrackInfo[];
	/** Subscribes to an event; returns the function that removes the listener. */
	on<E extends keyof MediaRoomEvents>(event: E, listener: MediaRoomEvents[E]): () => void;
	stats(): MediaStats;
	/**
	 * Recording's tap (issue #14): `tap` hears every publisher track as it arrives on this node
	 * (and at once of those already flowing); returns the function that removes it. Optional:
	 * a backend that records by itself (Janus VideoRoom `record`) leaves it out.
	 */
	tapIngest?(tap: IngestTap): () => void;
	/**
	 * Recording by the media server itself (Janus VideoRoom `record`, issue #14): the returned sink
	 * leaves the same `tracks.jsonl` and per-track files in `dir` as the werift sink once stopped.
	 */
	recordItself?(recordingId: string, dir: string, startedAt?: number): RecordingSink;
	/** Closes every peer connection of the room; the backend forgets the room. */
	close(): Promise<void>;
}

/** An incoming publisher track (werift's MediaStreamTrack on the werift backend); `requestKeyframe` sends a PLI. */
export type IngestTrack = { peerId: string; source: MediaSource; track: unknown; requestKeyframe: () => void };
export type IngestTap = (ingest: IngestTrack) => void;

export interface MediaBackend {
	/** The room `roomId` (created on first use). */
	room(roomId: string): MediaRoom;
	closeRoom(roomId: string): Promise<void>;
	/** ICE servers (STUN/TURN) the browsers should use, from MEDIA_ICE_SERVERS. */
	readonly iceServers: RTCIceServerConfig[];
	/** Publishers may send VP8 simulcast: the backend forwards one layer per viewer (werift). */
	readonly simulcast?: boolean;
	stats(): MediaStats;
	close(): Promise<void>;
}

/** Codes of expected media failures; each maps to a translated `media_error_<code>` message. */
export type MediaErrorCode =
	| 'media_invalid_payload'
	| 'media_publish_forbidden'
	| 'media_subscribe_forbidden'
	| 'media_invalid_offer'
	| 'media_not_subscribed'
	| 'media_closed'
	/** The media server cannot be reached (Janus gone); the portal itself keeps running. */
	| 'media_unavailable'
	/** The backend cannot renegotiate a running publisher (Janus here): the client publishes on a new connection. */
	| 'media_renegotiation_unsupported';

export class MediaError extends Error {
	constructor(
		readonly code: MediaErrorCode,
		message?: string
	) {
		super(message ?? code);
		this.name = 'MediaError';
	}
}
