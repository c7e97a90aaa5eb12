// Types of the media plane shared by the browser client, the socket events and the server's SFU.

/** What a published track carries; chosen by the publisher per offered m-line. */
export type MediaSource = 'camera' | 'microphone' | 'screen';
export type MediaKind = 'audio' | 'video';
/** Which of a peer's two peer connections a candidate belongs to. */
export type MediaLeg = 'publish' | 'subscribe';

/** The JSON of an RTCSessionDescription (what the browser's `pc.localDescription.toJSON()` gives). */
export type SessionDescription = { type: 'offer' | 'answer'; sdp: string };

/** The JSON of an RTCIceCandidate (`event.candidate.toJSON()`); an empty `candidate` ends gathering. */
export type IceCandidate = {
	candidate: string;
	sdpMid?: string | null;
	sdpMLineIndex?: number | null;
	usernameFragment?: string | null;
};

/**
 * One forwarded track. Subscribers see it in the stream `streamId`: a publisher's camera and
 * microphone share the stream `camera~<publisherId>` (so audio and video stay in sync), a screen
 * share is `screen~<publisherId>`. `trackId` is `<source>~<publisherId>`.
 */
export type TrackInfo = {
	publisherId: string;
	trackId: string;
	streamId: string;
	kind: MediaKind;
	source: MediaSource;
};

export type RTCIceServerConfig = { urls: string | string[]; username?: string; credential?: string };

/** The stream a source is delivered in: camera and microphone share one, so lip sync holds. */
export const streamIdFor = (publisherId: string, source: MediaSource) =>
	`${source === 'screen' ? 'screen' : 'camera'}~${publisherId}`;
export const trackIdFor = (publisherId: string, source: MediaSource) => `${source}~${publisherId}`;

/** Reads a stream id back: which publisher, and whether it is the camera (+ mic) or the screen. */
export function parseStreamId(streamId: string): { publisherId: string; group: 'camera' | 'screen' } | undefined {
	const match = /^(camera|screen)~(.+)$/.exec(streamId);
	return match ? { group: match[1] as 'camera' | 'screen', publisherId: match[2] } : undefined;
}

/** A failure reply of a media request: a stable code and a message translated for the user. */
export type MediaFailure = { ok: false; error: { code: string; message: string } };

/** What each client → server media event carries, and what its acknowledgement answers. */
export type MediaRequests = {
	'media:publish': {
		payload: { offer: SessionDescription; sources: Record<string, MediaSource> };
		reply: { ok: true; answer: SessionDescription } | MediaFailure;
	};
	'media:unpublish': { payload: Record<string, never>; reply: { ok: true } | MediaFailure };
	'media:subscribe': {
		payload: Record<string, never>;
		reply: { ok: true; offer: SessionDescription | null; tracks: TrackInfo[] } | MediaFailure;
	};
	'media:answer': { payload: { answer: SessionDescription }; reply: { ok: true } | MediaFailure };
	'media:ice': { payload: { leg: MediaLeg; candidate: IceCandidate }; reply: { ok: true } | MediaFailure };
};
export type MediaRequestName = keyof MediaRequests;

/** What the server pushes to one socket. */
export type MediaPushes = {
	/** Renegotiation of this socket's subscribing leg (tracks came or went): answer with media:answer. */
	'media:offer': { offer: SessionDescription; tracks: TrackInfo[] };
	/** The room's current track list. */
	'media:tracks': { tracks: TrackInfo[] };
};
