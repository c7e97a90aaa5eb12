// The viewing side of LiveMedia: one subscribing peer connection whose offers come from the SFU,
// and stable MediaStream objects per publisher (camera + microphone, screen) handed to the page.
import { parseStreamId, type RTCIceServerConfig, type SessionDescription } from './types';
import { PeerLeg, retireLeg } from './leg';
import { request, type MediaSignal } from './signal';

export type PublisherStreams = { camera?: MediaStream; screen?: MediaStream };
export type PublishersListener = (publishers: Map<string, PublisherStreams>) => void;

export class Subscriber {
	#leg: PeerLeg | undefined;
	#listener: PublishersListener | undefined;
	/** Our own stream objects, so a page's <video srcObject> survives renegotiations. */
	readonly #streams = new Map<string, MediaStream>();
	#streamOf = new WeakMap<RTCRtpTransceiver, string>();
	#queue: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly signal: MediaSignal,
		private readonly iceServers: () => RTCIceServerConfig[],
		private readonly onBroken: () => void
	) {}

	get active() {
		return this.#listener !== undefined;
	}

	start(listener: PublishersListener): Promise<void> {
		this.#listener = listener;
		return this.restart();
	}

	/**
	 * A new subscribing peer connection; the server's offer carries every current track. The old one
	 * keeps playing until the new one runs (make before break, see retireLeg).
	 */
	restart(makeBeforeBreak = true): Promise<void> {
		return this.#serial(async () => {
			const old = this.#leg;
			if (!makeBeforeBreak) old?.close();
			this.#streamOf = new WeakMap();
			const leg: PeerLeg = new PeerLeg(
				'subscribe',
				this.iceServers(),
				this.signal,
				() => {
					if (this.#leg === leg) this.onBroken();
				},
				() =>
					leg.pc.getTransceivers().some((t) => t.currentDirection === 'recvonly' || t.currentDirection === 'sendrecv')
			);
			this.#leg = leg;
			if (old && !old.closed) retireLeg(old, leg);
			leg.pc.addEventListener('track', ({ transceiver, streams }) => {
				if (streams[0]) this.#streamOf.set(transceiver, streams[0].id);
				this.#emit();
			});
			// Null while nobody else publishes: the server offers (media:offer) once someone does.
			const { offer } = await request(this.signal, 'media:subscribe', {});
			if (offer) await this.#answer(leg, offer);
			else this.#emit();
		});
	}

	/** A renegotiation offer pushed by the server (media:offer). */
	handleOffer(offer: SessionDescription): Promise<void> {
		return this.#serial(async () => {
			if (this.#leg) await this.#answer(this.#leg, offer);
		});
	}

	async #answer(leg: PeerLeg, offer: SessionDescription) {
		if (leg.closed) return;
		await leg.pc.setRemoteDescription(offer);
		await leg.pc.setLocalDescription(await leg.pc.createAnswer());
		const answer = leg.pc.localDescription!;
		await request(this.signal, 'media:answer', { answer: { type: 'answer', sdp: answer.sdp } });
		leg.flushCandidates();
		this.#emit();
	}

	#serial(task: () => Promise<void>): Promise<void> {
		const run = this.#queue.then(task);
		this.#queue = run.catch(() => {});
		return run;
	}

	/** Rebuilds the publisher map from the transceivers that currently receive. */
	#emit() {
		const live = new Map<string, MediaStreamTrack[]>();
		for (const transceiver of this.#leg?.pc.getTransceivers() ?? []) {
			const streamId = this.#streamOf.get(transceiver);
			const receiving = transceiver.currentDirection === 'recvonly' || transceiver.currentDirection === 'sendrecv';
			if (!streamId || !receiving) continue;
			live.set(streamId, [...(live.get(streamId) ?? []), transceiver.receiver.track]);
		}
		const publishers = new Map<string, PublisherStreams>();
		for (const [streamId, tracks] of live) {
			const parsed = parseStreamId(streamId);
			if (!parsed) continue;
			let stream = this.#streams.get(streamId);
			if (!stream) this.#streams.set(streamId, (stream = new MediaStream()));
			for (const old of stream.getTracks()) if (!tracks.includes(old)) stream.removeTrack(old);
			for (const track of tracks) if (!stream.getTracks().includes(track)) stream.addTrack(track);
			publishers.set(parsed.publisherId, { ...publishers.get(parsed.publisherId), [parsed.group]: stream });
		}
		for (const streamId of [...this.#streams.keys()]) if (!live.has(streamId)) this.#streams.delete(streamId);
		this.#listener?.(publishers);
	}

	/** The stream id (and so the publisher) each receiving mid belongs to, for stats. */
	streamOfMid(): Map<string, string> {
		const result = new Map<string, string>();
		for (const transceiver of this.#leg?.pc.getTransceivers() ?? []) {
			const streamId = this.#streamOf.get(transceiver);
			if (transceiver.mid && streamId) result.set(transceiver.mid, streamId);
		}
		return result;
	}

	async stats(): Promise<RTCStatsReport | undefined> {
		return this.#leg?.pc.getStats();
	}

	close() {
		this.#listener = undefined;
		this.#leg?.close();
		this.#leg = undefined;
		this.#streams.clear();
	}
}
