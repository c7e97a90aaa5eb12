// LiveMedia: the browser side of a live room's media (publish your camera/mic/screen, watch the
// others) over the SFU, through an injected signalling function; it heals itself after ICE breaks.
//
// Usage (R):
//   const media = new LiveMedia((event, payload) => socket.emitWithAck(event, payload), { iceServers });
//   socket.on('media:offer', ({ offer }) => media.handleOffer(offer));
//   await media.subscribe((publishers) => …);          // Map<publisherId, { camera?, screen? }>
//   await media.publish(cameraStream, 'camera');       // video = camera, audio = microphone
//   socket.io.on('reconnect', () => media.restart());
import type { MediaKind, MediaSource, RTCIceServerConfig, SessionDescription } from './types';
import { Publisher } from './publisher';
import { Subscriber, type PublishersListener } from './subscriber';
import { inboundVideoStats, type InboundVideoStats } from './stats';
import { MediaRequestError, type MediaSignal } from './signal';

/** Wait between attempts when rebuilding a broken leg fails (e.g. the socket is reconnecting). */
const HEAL_RETRY_MS = 2_000;

export { MediaRequestError, type MediaSignal } from './signal';
export type { PublisherStreams, PublishersListener } from './subscriber';
export type { InboundVideoStats } from './stats';

export type LiveMediaOptions = {
	/** STUN/TURN servers (the server's MEDIA_ICE_SERVERS); none on a local network. */
	iceServers?: RTCIceServerConfig[];
	/** Send the camera as VP8 simulcast (three layers); only where the media backend forwards layers. */
	simulcast?: boolean;
	/** A leg could not heal itself (e.g. the server refused); shown to the user by the page. */
	onError?: (error: unknown) => void;
};

export class LiveMedia {
	readonly #publisher: Publisher;
	readonly #subscriber: Subscriber;
	#closed = false;
	/** Counts restarts: a heal retry scheduled before a restart has nothing left to heal. */
	#restarts = 0;

	constructor(
		signal: MediaSignal,
		private readonly options: LiveMediaOptions = {}
	) {
		const iceServers = () => this.options.iceServers ?? [];
		// Healing a broken leg on the same node replaces it at once; only a restart after a reconnect
		// (possibly to another node, the old one still forwarding) is make before break.
		this.#publisher = new Publisher(
			signal,
			iceServers,
			() => this.#heal(() => this.#publisher.restart(false)),
			this.options.simulcast ?? false
		);
		this.#subscriber = new Subscriber(signal, iceServers, () => this.#heal(() => this.#subscriber.restart(false)));
	}

	/** Sends a stream as `source` ('camera' also sends the stream's audio as the microphone). Rejects with MediaRequestError when refused. */
	publish(stream: MediaStream, source: MediaSource): Promise<void> {
		return this.#publisher.publish(stream, source);
	}

	/** Stops sending `source` (stop the local track yourself if it is no longer needed). */
	unpublish(source: MediaSource): Promise<void> {
		return this.#publisher.unpublish(source);
	}

	/** Device switch: the new track replaces the old one without renegotiation. */
	replaceTrack(source: MediaSource, track: MediaStreamTrack): Promise<void> {
		return this.#publisher.replaceTrack(source, track);
	}

	/** Mutes the microphone ('audio') or the camera ('video'); kept across device switches. */
	setMuted(kind: MediaKind, muted: boolean) {
		this.#publisher.setMuted(kind, muted);
	}

	get publishedSources(): MediaSource[] {
		return this.#publisher.sources;
	}

	/** Starts watching; `onChange` gets every publisher's streams now and after each change. */
	subscribe(onChange: PublishersListener): Promise<void> {
		return this.#subscriber.start(onChange);
	}

	/** The server's renegotiation offer (socket event media:offer). */
	handleOffer(offer: SessionDescription): Promise<void> {
		return this.#subscriber.handleOffer(offer);
	}

	/** After a socket reconnect: new peer connections for both legs, with the same streams. */
	async restart(): Promise<void> {
		this.#restarts++;
		const tasks: Promise<void>[] = [];
		if (this.#publisher.sources.length > 0) tasks.push(this.#publisher.restart());
		if (this.#subscriber.active) tasks.push(this.#subscriber.restart());
		await Promise.all(tasks);
	}

	/** For tests and the canary: frames decoded, frame rate and freezes per inbound video. */
	async stats(): Promise<InboundVideoStats[]> {
		const report = await this.#subscriber.stats();
		return report ? inboundVideoStats(report, this.#subscriber.streamOfMid()) : [];
	}

	close() {
		this.#closed = true;
		this.#publisher.close();
		this.#subscriber.close();
	}

	#heal(restart: () => Promise<void>) {
		if (this.#closed) return;
		const generation = this.#restarts;
		restart().catch((error) => {
			this.options.onError?.(error);
			// A refusal (the grant was withdrawn) is final; anything else is worth another try, unless
			// the legs were rebuilt meanwhile (the socket reconnected and the page restarted them).
			const refused = error instanceof MediaRequestError && error.code.endsWith('_forbidden');
			if (!refused && !this.#closed)
				setTimeout(() => {
					if (generation === this.#restarts) this.#heal(restart);
				}, HEAL_RETRY_MS);
		});
	}
}
