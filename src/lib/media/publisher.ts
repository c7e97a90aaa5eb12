// The publishing side of LiveMedia: the local tracks by source, and one peer connection. A source
// that comes or goes (a screen share) is added to or removed from the running connection with a new
// offer, so the camera keeps flowing; the connection is rebuilt only when it broke or after a reconnect.
import type { MediaKind, MediaSource, RTCIceServerConfig } from './types';
import { PeerLeg, retireLeg } from './leg';
import { MediaRequestError, request, type MediaSignal } from './signal';

type Entry = { track: MediaStreamTrack; stream: MediaStream };

/** The camera's simulcast layers, lowest first. */
export const SIMULCAST_LAYERS: RTCRtpEncodingParameters[] = [
	{ rid: 'l', scaleResolutionDownBy: 4 },
	{ rid: 'm', scaleResolutionDownBy: 2 },
	{ rid: 'h', scaleResolutionDownBy: 1 }
];

export class Publisher {
	readonly #entries = new Map<MediaSource, Entry>();
	readonly #transceivers = new Map<MediaSource, RTCRtpTransceiver>();
	readonly #muted = new Set<MediaKind>();
	#leg: PeerLeg | undefined;
	#queue: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly signal: MediaSignal,
		private readonly iceServers: () => RTCIceServerConfig[],
		private readonly onBroken: () => void,
		private readonly simulcast = false
	) {}

	get sources(): MediaSource[] {
		return [...this.#entries.keys()];
	}

	/** 'camera': the stream's video is the camera and its audio the microphone; 'microphone': audio only; 'screen': its video. */
	publish(stream: MediaStream, source: MediaSource): Promise<void> {
		const video = stream.getVideoTracks()[0];
		const audio = stream.getAudioTracks()[0];
		if (source !== 'microphone' && video) this.#entries.set(source, { track: video, stream });
		if ((source === 'camera' || source === 'microphone') && audio)
			this.#entries.set('microphone', { track: audio, stream });
		this.#applyMuted();
		return this.#serial(() => this.#update());
	}

	unpublish(source: MediaSource): Promise<void> {
		if (!this.#entries.delete(source)) return Promise.resolve();
		return this.#serial(() => this.#update());
	}

	/** Swaps the track of a source (another camera or microphone) without renegotiating. */
	async replaceTrack(source: MediaSource, track: MediaStreamTrack): Promise<void> {
		const entry = this.#entries.get(source);
		if (!entry) throw new Error(`No ${source} is published`);
		entry.track = track;
		this.#applyMuted();
		await this.#transceivers.get(source)?.sender.replaceTrack(track);
	}

	/** Muting disables the local track: the SFU keeps forwarding (silence, black frames). */
	setMuted(kind: MediaKind, muted: boolean) {
		if (muted) this.#muted.add(kind);
		else this.#muted.delete(kind);
		this.#applyMuted();
	}

	isMuted(kind: MediaKind) {
		return this.#muted.has(kind);
	}

	#applyMuted() {
		const camera = this.#entries.get('camera');
		const microphone = this.#entries.get('microphone');
		if (camera) camera.track.enabled = !this.#muted.has('video');
		if (microphone) microphone.track.enabled = !this.#muted.has('audio');
	}

	/**
	 * A new peer connection with the same tracks (after a reconnect or an ICE failure); after a
	 * reconnect the old one keeps sending until the new one runs (make before break, see retireLeg).
	 */
	restart(makeBeforeBreak = true): Promise<void> {
		return this.#serial(() => this.#rebuild(makeBeforeBreak));
	}

	#serial(task: () => Promise<void>): Promise<void> {
		const run = this.#queue.then(task);
		this.#queue = run.catch(() => {});
		return run;
	}

	/** Brings the running connection in line with the sources (renegotiating it), or builds one. */
	async #update() {
		const leg = this.#leg;
		if (this.#entries.size === 0 || !leg || leg.closed || ['failed', 'closed'].includes(leg.pc.connectionState))
			return this.#rebuild();
		for (const [source, transceiver] of [...this.#transceivers]) {
			if (this.#entries.has(source)) continue;
			// Left inactive (its m-line stays in the offer; a later share gets a new one).
			transceiver.direction = 'inactive';
			await transceiver.sender.replaceTrack(null);
			this.#transceivers.delete(source);
		}
		for (const [source, entry] of this.#entries) {
			const current = this.#transceivers.get(source);
			if (current) {
				if (current.sender.track !== entry.track) await current.sender.replaceTrack(entry.track);
			} else this.#addSource(leg, source, entry);
		}
		try {
			await this.#offer(leg);
		} catch (error) {
			// A backend that cannot renegotiate a running publisher takes everything on a new connection.
			if (error instanceof MediaRequestError && error.code === 'media_renegotiation_unsupported')
				return this.#rebuild();
			throw error;
		}
	}

	/** Opens a new connection carrying every current source; the old one closes now, or once the new one runs. */
	async #rebuild(makeBeforeBreak = false) {
		const old = this.#leg;
		if (!makeBeforeBreak || this.#entries.size === 0) old?.close();
		this.#leg = undefined;
		this.#transceivers.clear();
		if (this.#entries.size === 0) {
			await request(this.signal, 'media:unpublish', {});
			return;
		}
		const leg = new PeerLeg('publish', this.iceServers(), this.signal, () => {
			if (this.#leg === leg) this.onBroken();
		});
		this.#leg = leg;
		if (old && !old.closed) retireLeg(old, leg);
		for (const [source, entry] of this.#entries) this.#addSource(leg, source, entry);
		await this.#offer(leg);
		leg.flushCandidates();
	}

	#addSource(leg: PeerLeg, source: MediaSource, { track, stream }: Entry) {
		if (source === 'screen' && 'contentHint' in track) track.contentHint = 'detail';
		// Always a new transceiver: a second share sent again on the first one's inactive m-line never
		// reached the viewers through the werift SFU (seen in the e2e); a fresh m-line does.
		// The camera as three VP8 layers (a quarter, half and full size, listed lowest first as the SFU
		// expects): each viewer gets the one its connection carries.
		// Chromium sends all three layers only from about 960×540 up; below that the top layer stays
		// silent, and the recording (which takes the top layer) would wait for it. Smaller cameras send one.
		const width = track.getSettings().width ?? 0;
		const sendEncodings =
			this.simulcast && source === 'camera' && width >= 960
				? SIMULCAST_LAYERS.map((layer) => ({ ...layer }))
				: undefined;
		this.#transceivers.set(
			source,
			leg.pc.addTransceiver(track, {
				direction: 'sendonly',
				streams: [stream],
				...(sendEncodings ? { sendEncodings } : {})
			})
		);
	}

	/** One offer/answer exchange on `leg`; a refusal or a lost request closes it (nothing half-open stays). */
	async #offer(leg: PeerLeg) {
		await leg.pc.setLocalDescription(await leg.pc.createOffer());
		const sources: Record<string, MediaSource> = {};
		for (const [source, transceiver] of this.#transceivers) if (transceiver.mid) sources[transceiver.mid] = source;
		const offer = leg.pc.localDescription!;
		let answer: RTCSessionDescriptionInit;
		try {
			({ answer } = await request(this.signal, 'media:publish', { offer: { type: 'offer', sdp: offer.sdp }, sources }));
		} catch (error) {
			if (this.#leg === leg) {
				this.#leg = undefined;
				this.#transceivers.clear();
			}
			leg.close();
			throw error;
		}
		if (leg.closed) return;
		await leg.pc.setRemoteDescription(answer);
	}

	async stats(): Promise<RTCStatsReport | undefined> {
		return this.#leg?.pc.getStats();
	}

	close() {
		this.#leg?.close();
		this.#leg = undefined;
		this.#transceivers.clear();
	}
}
