// A live room on the werift SFU: its publishers' legs and tracks, its viewers' legs, and the
// renegotiations that keep every viewer's leg carrying every other participant's tracks.
// Ingest (publisher legs, SRTP decryption, keyframe detection for the gate's first packet, the
// onIngestRtp tap) stays on the main thread; with a FanoutPool the viewers' legs live in worker
// threads (RemoteSubscriberLeg) and every packet is posted to them, without one in this thread.
import type { MediaStreamTrack, RTCRtpReceiver } from 'werift';
import { streamIdFor, trackIdFor } from '../../media/types';
import {
	MediaError,
	PEER_ID_PATTERN,
	type IngestTap,
	type IngestTrack,
	type IceCandidate,
	type MediaLeg,
	type MediaRoom,
	type MediaRoomEvents,
	type MediaSource,
	type MediaStats,
	type SessionDescription,
	type TrackInfo
} from './backend';
import { ForwardedTrack, emptyCounters, type Counters } from './forwarded-track';
import type { FanoutPool } from './fanout-pool';
import { trackKey } from './fanout-protocol';
import { RemoteSubscriberLeg, type ViewerLeg } from './remote-subscriber-leg';
import type { ForwardPacket } from './rtp-outlet';
import type { MediaNetworkConfig } from './peer-config';
import { PublisherLeg } from './publisher-leg';
import { SubscriberLeg } from './subscriber-leg';
import { sendingMLines } from './sdp';
import { PeerQueues } from './peer-queues';

export type MediaLogger = {
	warn(context: object, message: string): void;
	debug(context: object, message: string): void;
};

const KIND_OF: Record<MediaSource, 'audio' | 'video'> = { camera: 'video', microphone: 'audio', screen: 'video' };

export class WeriftRoom implements MediaRoom {
	readonly counters: Counters = emptyCounters();
	readonly #publishers = new Map<string, PublisherLeg>();
	readonly #tracks = new Map<string, ForwardedTrack>();
	readonly #subscribers = new Map<string, ViewerLeg>();
	readonly #rtpTaps = new Set<(trackId: string, packet: ForwardPacket) => void>();
	readonly #listeners: { [E in keyof MediaRoomEvents]: Set<MediaRoomEvents[E]> } = {
		offer: new Set(),
		tracks: new Set()
	};
	readonly #queues = new PeerQueues();
	// Recording's tap: the current incoming track per trackId, and who listens (issue #14).
	readonly #ingest = new Map<string, IngestTrack>();
	readonly #ingestTaps = new Set<IngestTap>();
	#closed = false;

	constructor(
		readonly id: string,
		private readonly config: MediaNetworkConfig,
		private readonly logger: MediaLogger,
		private readonly onClosed: (room: WeriftRoom) => void,
		private readonly pool?: FanoutPool
	) {}

	async publish(
		peerId: string,
		offer: SessionDescription,
		sources: Record<string, MediaSource>
	): Promise<SessionDescription> {
		this.#check(peerId);
		if (offer.type !== 'offer') throw new MediaError('media_invalid_offer', 'not an offer');
		const offered = sendingMLines(offer.sdp);
		const used = new Set<MediaSource>();
		for (const line of offered) {
			const source = sources[line.mid];
			if (!source || KIND_OF[source] !== line.kind || used.has(source))
				throw new MediaError('media_invalid_offer', `m-line ${line.mid}: no or wrong source`);
			used.add(source);
		}
		if (used.size === 0) throw new MediaError('media_invalid_offer', 'the offer sends nothing');
		return this.#queues.run(peerId, async () => {
			const current = this.#publishers.get(peerId);
			if (current?.continuedBy(offer)) return this.#renegotiatePublisher(peerId, current, offer, sources, used);
			current?.close();
			const tracksChanged = this.#setPublishedSources(peerId, used);
			const leg = new PublisherLeg(this.config, sources, (source, tracks, receiver) => {
				if (this.#publishers.get(peerId) === leg) this.#attachIncoming(peerId, source, tracks, receiver);
			});
			this.#publishers.set(peerId, leg);
			try {
				const answer = await leg.answer(offer);
				if (tracksChanged) this.#tracksChanged();
				return answer;
			} catch (error) {
				this.logger.warn({ err: error, room: this.id, peerId }, 'media: publisher offer refused');
				this.#dropPublisher(peerId);
				throw new MediaError('media_invalid_offer');
			}
		});
	}

	/**
	 * A new offer on the publisher's running connection (a screen share added or stopped): the
	 * sources that stay keep flowing on their receivers, untouched; only the ones that come or go
	 * change, and viewers are renegotiated for them.
	 */
	async #renegotiatePublisher(
		peerId: string,
		leg: PublisherLeg,
		offer: SessionDescription,
		sources: Record<string, MediaSource>,
		used: Set<MediaSource>
	): Promise<SessionDescription> {
		const tracksChanged = this.#setPublishedSources(peerId, used, { keepAttached: true });
		try {
			const answer = await leg.answer(offer, sources);
			if (tracksChanged) this.#tracksChanged();
			return answer;
		} catch (error) {
			this.logger.warn({ err: error, room: this.id, peerId }, 'media: publisher renegotiation refused');
			this.#dropPublisher(peerId);
			throw new MediaError('media_invalid_offer');
		}
	}

	#attachIncoming(peerId: string, source: MediaSource, tracks: MediaStreamTrack[], receiver: RTCRtpReceiver) {
		const trackId = trackIdFor(peerId, source);
		const forwarded = this.#tracks.get(trackId);
		forwarded?.attach(tracks, receiver);
		// Recording takes the highest simulcast layer.
		const top = tracks.length - 1;
		const ingest: IngestTrack = {
			peerId,
			source,
			track: tracks[top],
			requestKeyframe: () => forwarded?.requestKeyframe(top)
		};
		this.#ingest.set(trackId, ingest);
		for (const tap of this.#ingestTaps) tap(ingest);
	}

	unpublish(peerId: string): Promise<void> {
		return this.#queues.run(peerId, async () => this.#dropPublisher(peerId));
	}

	async subscribe(peerId: string): Promise<SessionDescription | null> {
		this.#check(peerId);
		return this.#queues.run(peerId, async () => {
			this.#subscribers.get(peerId)?.close();
			const leg: ViewerLeg = this.pool ? new RemoteSubscriberLeg(this.pool, this.id) : new SubscriberLeg(this.config);
			this.#subscribers.set(peerId, leg);
			const tracks = this.#tracksFor(peerId);
			await leg.sync(tracks);
			// Nothing to watch yet: the first track's renegotiation sends the first offer.
			if (tracks.length === 0) return null;
			return leg.offer();
		});
	}

	async setAnswer(peerId: string, answer: SessionDescription): Promise<void> {
		if (answer.type !== 'answer') throw new MediaError('media_invalid_offer', 'not an answer');
		return this.#queues.run(peerId, async () => {
			const leg = this.#subscribers.get(peerId);
			if (!leg || !leg.awaitingAnswer) throw new MediaError('media_not_subscribed');
			try {
				await leg.setAnswer(answer);
			} catch (error) {
				this.logger.warn({ err: error, room: this.id, peerId }, 'media: viewer answer refused');
				throw new MediaError('media_invalid_offer');
			}
			if (leg.dirty) {
				leg.dirty = false;
				void this.#renegotiate(peerId);
			}
		});
	}

	async addIceCandidate(peerId: string, leg: MediaLeg, candidate: IceCandidate): Promise<void> {
		const target = leg === 'publish' ? this.#publishers.get(peerId) : this.#subscribers.get(peerId);
		await target
			?.addIceCandidate(candidate)
			.catch((error) => this.logger.debug({ err: error, peerId, leg }, 'media: candidate ignored'));
	}

	leave(peerId: string): Promise<void> {
		return this.#queues.run(peerId, async () => {
			this.#dropPublisher(peerId);
			this.#subscribers.get(peerId)?.close();
			this.#subscribers.delete(peerId);
		});
	}

	tracks(): TrackInfo[] {
		return [...this.#tracks.values()].map((track) => track.info);
	}

	on<E extends keyof MediaRoomEvents>(event: E, listener: MediaRoomEvents[E]): () => void {
		const listeners = this.#listeners[event] as Set<MediaRoomEvents[E]>;
		listeners.add(listener);
		return () => listeners.delete(listener);
	}

	tapIngest(tap: IngestTap): () => void {
		this.#ingestTaps.add(tap);
		for (const ingest of this.#ingest.values()) tap(ingest);
		return () => this.#ingestTaps.delete(tap);
	}

	stats(): MediaStats {
		const counters = { ...this.counters };
		if (this.pool) {
			// Fan-out counters come from the workers (reported every half second).
			const workers = this.pool.counters(this.id);
			counters.packetsForwarded += workers.packetsForwarded;
			counters.bytesForwarded += workers.bytesForwarded;
			counters.retransmissions += workers.retransmissions;
		}
		return {
			rooms: 1,
			publishers: this.#publishers.size,
			subscribers: this.#subscribers.size,
			tracks: this.#tracks.size,
			...counters
		};
	}

	/**
	 * Every RTP packet a publisher sends (decrypted, before the fan-out), on the main thread: the tap
	 * for server-side recording. Returns the function that removes the listener. Keep it cheap.
	 */
	onIngestRtp(listener: (trackId: string, packet: ForwardPacket) => void): () => void {
		this.#rtpTaps.add(listener);
		return () => this.#rtpTaps.delete(listener);
	}

	/** A fan-out worker's viewer waits for a keyframe of `trackId` (of one simulcast layer). */
	requestKeyframe(trackId: string, layer = 0) {
		this.#tracks.get(trackId)?.requestKeyframe(layer);
	}

	async close(): Promise<void> {
		if (this.#closed) return;
		this.#closed = true;
		for (const leg of this.#publishers.values()) leg.close();
		for (const leg of this.#subscribers.values()) leg.close();
		for (const track of this.#tracks.values()) {
			track.close();
			this.pool?.removeTrack(trackKey(this.id, track.info.trackId));
		}
		this.#publishers.clear();
		this.#subscribers.clear();
		this.#tracks.clear();
		this.#ingest.clear();
		this.#ingestTaps.clear();
		this.#rtpTaps.clear();
		this.onClosed(this);
	}

	#check(peerId: string) {
		if (this.#closed) throw new MediaError('media_closed');
		if (!PEER_ID_PATTERN.test(peerId))
			throw new MediaError('media_invalid_payload', `bad peer id ${JSON.stringify(peerId)}`);
	}

	/** Creates and closes this publisher's ForwardedTracks to match `sources`; true if the list changed. */
	#setPublishedSources(peerId: string, sources: Set<MediaSource>, { keepAttached = false } = {}): boolean {
		let changed = false;
		for (const source of ['camera', 'microphone', 'screen'] as const) {
			const trackId = trackIdFor(peerId, source);
			const existing = this.#tracks.get(trackId);
			if (sources.has(source) && !existing) {
				const info: TrackInfo = {
					publisherId: peerId,
					trackId,
					streamId: streamIdFor(peerId, source),
					kind: KIND_OF[source],
					source
				};
				this.#tracks.set(trackId, this.#newTrack(info));
				changed = true;
			} else if (!sources.has(source) && existing) {
				existing.close();
				this.pool?.removeTrack(trackKey(this.id, trackId));
				this.#tracks.delete(trackId);
				this.#ingest.delete(trackId);
				changed = true;
			} else if (!keepAttached) existing?.detach();
		}
		return changed;
	}

	#newTrack(info: TrackInfo): ForwardedTrack {
		const track = new ForwardedTrack(info, this.counters);
		track.ingest.add((packet, layer) => {
			// The tap hears one stream per track: the highest simulcast layer.
			if (layer === track.layers - 1) for (const tap of this.#rtpTaps) tap(info.trackId, packet);
		});
		const pool = this.pool;
		if (pool) {
			const key = trackKey(this.id, info.trackId);
			pool.addTrack(key, this.id, info);
			track.ingest.add((packet, layer) => pool.post(key, packet, layer));
			track.restarted.add(() => pool.restartTrack(key));
		}
		return track;
	}

	#dropPublisher(peerId: string) {
		const leg = this.#publishers.get(peerId);
		this.#publishers.delete(peerId);
		leg?.close();
		if (this.#setPublishedSources(peerId, new Set())) this.#tracksChanged();
	}

	#tracksFor(peerId: string): ForwardedTrack[] {
		return [...this.#tracks.values()].filter((track) => track.info.publisherId !== peerId);
	}

	#tracksChanged() {
		const tracks = this.tracks();
		for (const listener of this.#listeners.tracks) listener(tracks);
		for (const peerId of this.#subscribers.keys()) void this.#renegotiate(peerId);
	}

	/** Offers the viewer its new track set, or marks it dirty while its previous offer is out. */
	#renegotiate(peerId: string): Promise<void> {
		let leg: ViewerLeg | undefined;
		const current = () => !this.#closed && leg !== undefined && this.#subscribers.get(peerId) === leg;
		return this.#queues
			.run(peerId, async () => {
				leg = this.#subscribers.get(peerId);
				if (!leg || !current()) return;
				if (leg.awaitingAnswer) {
					leg.dirty = true;
					return;
				}
				if (!(await leg.sync(this.#tracksFor(peerId))) || !current()) return;
				const offer = await leg.offer();
				if (!current()) return;
				for (const listener of this.#listeners.offer) listener(peerId, offer);
			})
			.catch((error) => {
				// A viewer that left meanwhile (its leg closed under the offer) needs no warning.
				if (current()) this.logger.warn({ err: error, room: this.id, peerId }, 'media: renegotiation failed');
			});
	}
}
