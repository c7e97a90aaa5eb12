// The publishing side of LiveMedia: the local tracks by source, and one peer connection that is
// rebuilt (a fresh offer carrying every current source) whenever the set of sources changes.
import type { MediaKind, MediaSource, RTCIceServerConfig } from './types';
import { PeerLeg, retireLeg } from './leg';
import { request, type MediaSignal } from './signal';

type Entry = { track: MediaStreamTrack; stream: MediaStream };

export class Publisher {
	readonly #entries = new Map<MediaSource, Entry>();
	readonly #senders = new Map<MediaSource, RTCRtpSender>();
	readonly #muted = new Set<MediaKind>();
	#leg: PeerLeg | undefined;
	#queue: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly signal: MediaSignal,
		private readonly iceServers: () => RTCIceServerConfig[],
		private readonly onBroken: () => void
	) {}

	get sources(): MediaSource[] {
		return [...this.#entries.keys()];
	}

	/** 'camera': the stream's video is the camera and its audio the microphone; 'microphone': audio only; 'screen': its video. */
	publish(stream: MediaStream, source: MediaSource): Promise<void> {
		const video = stream.getVideoTracks()[0];
		const audio = stream.getAudioTracks()[0];
		if (source !== 'microphone' && video) this.#entries.set(source, { track: video, stream });
		if ((source === 'camera' || source === 'microphone') && audio) this.#entries.set('microphone', { track: audio, stream });
		this.#applyMuted();
		return this.#renegotiate();
	}

	unpublish(source: MediaSource): Promise<void> {
		if (!this.#entries.delete(source)) return Promise.resolve();
		return this.#renegotiate();
	}

	/** Swaps the track of a source (another camera or microphone) without renegotiating. */
	async replaceTrack(source: MediaSource, track: MediaStreamTrack): Promise<void> {
		const entry = this.#entries.get(source);
		if (!entry) throw new Error(`No ${source} is published`);
		entry.track = track;
		this.#applyMuted();
		await this.#senders.get(source)?.replaceTrack(track);
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
	 * A new peer connection with the same tracks (after a reconnect or an ICE failure); the old one
	 * keeps sending until the new one runs (make before break, see retireLeg).
	 */
	restart(makeBeforeBreak = true): Promise<void> {
		return this.#renegotiate(makeBeforeBreak);
	}

	#renegotiate(makeBeforeBreak = false): Promise<void> {
		const run = this.#queue.then(() => this.#negotiate(makeBeforeBreak));
		this.#queue = run.catch(() => {});
		return run;
	}

	async #negotiate(makeBeforeBreak: boolean) {
		const old = this.#leg;
		if (!makeBeforeBreak || this.#entries.size === 0) old?.close();
		this.#leg = undefined;
		this.#senders.clear();
		if (this.#entries.size === 0) {
			await request(this.signal, 'media:unpublish', {});
			return;
		}
		const leg = new PeerLeg('publish', this.iceServers(), this.signal, () => {
			if (this.#leg === leg) this.onBroken();
		});
		this.#leg = leg;
		if (old && !old.closed) retireLeg(old, leg);
		const bySender = new Map<RTCRtpTransceiver, MediaSource>();
		for (const [source, { track, stream }] of this.#entries) {
			const transceiver = leg.pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
			if (source === 'screen' && 'contentHint' in track) track.contentHint = 'detail';
			bySender.set(transceiver, source);
			this.#senders.set(source, transceiver.sender);
		}
		await leg.pc.setLocalDescription(await leg.pc.createOffer());
		const sources: Record<string, MediaSource> = {};
		for (const [transceiver, source] of bySender) if (transceiver.mid) sources[transceiver.mid] = source;
		const offer = leg.pc.localDescription!;
		let answer: RTCSessionDescriptionInit;
		try {
			({ answer } = await request(this.signal, 'media:publish', { offer: { type: 'offer', sdp: offer.sdp }, sources }));
		} catch (error) {
			// Refused (e.g. no longer a speaker) or undeliverable: no half-open connection stays behind.
			if (this.#leg === leg) this.#leg = undefined;
			leg.close();
			throw error;
		}
		if (leg.closed) return;
		await leg.pc.setRemoteDescription(answer);
		leg.flushCandidates();
	}

	async stats(): Promise<RTCStatsReport | undefined> {
		return this.#leg?.pc.getStats();
	}

	close() {
		this.#leg?.close();
		this.#leg = undefined;
		this.#senders.clear();
	}
}
