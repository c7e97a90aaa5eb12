// A live room on Janus's VideoRoom: the portal decides who publishes and watches (signalling.ts), this
// class maps each publish to a publisher handle and each viewer to a multistream subscriber handle.
import {
	MediaError,
	PEER_ID_PATTERN,
	type IceCandidate,
	type MediaLeg,
	type MediaRoom,
	type MediaRoomEvents,
	type MediaSource,
	type MediaStats,
	type SessionDescription,
	type TrackInfo
} from '../backend';
import type { RecordingSink } from '../recording/sink';
import { PeerQueues } from '../peer-queues';
import type { MediaLogger } from '../werift-room';
import { JanusRequestError, type JanusEvent } from './api';
import type { JanusLink } from './connection';
import { JanusPublishers } from './janus-publishers';
import { startJanusRecording, type RecordablePublisher } from './janus-recording';
import { JanusViewer } from './janus-viewer';
import { janusTracks, offeredSources } from './track-list';

export class JanusRoom implements MediaRoom {
	readonly #publishers = new JanusPublishers(() => this.#resyncAll());
	readonly #viewers = new Map<string, JanusViewer>();
	readonly #tracks = janusTracks();
	readonly #listeners: { [E in keyof MediaRoomEvents]: Set<MediaRoomEvents[E]> } = {
		offer: new Set(),
		tracks: new Set()
	};
	readonly #queues = new PeerQueues();
	/** The VideoRoom on the current Janus session (a new session gets a new room). */
	#janus: Promise<{ link: JanusLink; room: number }> | undefined;
	#closed = false;
	/** Running recordings hear of every publisher that joins (screen share, promoted speaker, reload). */
	readonly #recorders = new Set<(publisher: RecordablePublisher) => void>();

	constructor(
		readonly id: string,
		private readonly connect: () => Promise<JanusLink>,
		private readonly logger: MediaLogger,
		private readonly onClosed: (room: JanusRoom) => void
	) {}

	async publish(
		peerId: string,
		offer: SessionDescription,
		sources: Record<string, MediaSource>
	): Promise<SessionDescription> {
		this.#check(peerId);
		if (offer.type !== 'offer') throw new MediaError('media_invalid_offer', 'not an offer');
		const used = offeredSources(offer, sources);
		return this.#queues.run(`pub:${peerId}`, async () => {
			// Viewers here subscribe to whole feeds, so a stream added to a running feed would not reach
			// them: the browser is told to publish on a new connection instead (see Publisher).
			if (this.#publishers.continuedBy(peerId, offer)) throw new MediaError('media_renegotiation_unsupported');
			const { link, room } = await this.#room();
			await this.#dropPublisher(peerId, false);
			try {
				const answer = await this.#publishers.open(link.session, room, peerId, offer, sources);
				if (this.#tracks.set(peerId, used)) this.#tracksChanged();
				const joined = this.#publishers.recordable().find((p) => p.peerId === peerId);
				if (joined) for (const recorder of this.#recorders) recorder(joined);
				return answer;
			} catch (error) {
				if (this.#tracks.set(peerId, new Set())) this.#tracksChanged();
				throw this.#mediaError(error, 'media_invalid_offer', 'publisher offer refused', peerId);
			}
		});
	}

	unpublish(peerId: string): Promise<void> {
		return this.#queues.run(`pub:${peerId}`, () => this.#dropPublisher(peerId, true));
	}

	async subscribe(peerId: string): Promise<SessionDescription | null> {
		this.#check(peerId);
		return this.#queues.run(`sub:${peerId}`, async () => {
			const { link, room } = await this.#room();
			await this.#viewers.get(peerId)?.close();
			const viewer = new JanusViewer(
				peerId,
				link.session,
				room,
				(feed, mid) => this.#publishers.nameFeed(feed, mid),
				(v, event) => this.#onViewerEvent(v, event)
			);
			this.#viewers.set(peerId, viewer);
			try {
				return await viewer.sync(this.#feedsFor(peerId));
			} catch (error) {
				throw this.#mediaError(error, 'media_closed', 'subscribe failed', peerId);
			}
		});
	}

	async setAnswer(peerId: string, answer: SessionDescription): Promise<void> {
		if (answer.type !== 'answer') throw new MediaError('media_invalid_offer', 'not an answer');
		return this.#queues.run(`sub:${peerId}`, async () => {
			const viewer = this.#viewers.get(peerId);
			if (!viewer || !viewer.awaitingAnswer) throw new MediaError('media_not_subscribed');
			try {
				await viewer.setAnswer(answer);
			} catch (error) {
				throw this.#mediaError(error, 'media_invalid_offer', 'viewer answer refused', peerId);
			}
			if (viewer.dirty) {
				viewer.dirty = false;
				void this.#resync(peerId);
			}
		});
	}

	async addIceCandidate(peerId: string, leg: MediaLeg, candidate: IceCandidate): Promise<void> {
		const session = (await this.#janus?.catch(() => undefined))?.link.session;
		// Janus wants `{ completed: true }` for the end of gathering, not an empty candidate.
		const payload = candidate.candidate
			? {
					candidate: candidate.candidate,
					sdpMid: candidate.sdpMid ?? undefined,
					sdpMLineIndex: candidate.sdpMLineIndex ?? undefined
				}
			: { completed: true };
		const publisher = this.#publishers.handleOf(peerId);
		const send =
			leg === 'publish'
				? publisher !== undefined
					? session?.trickle(publisher, payload)
					: undefined
				: this.#viewers.get(peerId)?.trickle(payload);
		await send?.catch((error) => this.logger.debug({ err: error, peerId, leg }, 'media: candidate ignored'));
	}

	async leave(peerId: string): Promise<void> {
		await this.#queues.run(`pub:${peerId}`, () => this.#dropPublisher(peerId, true));
		await this.#queues.run(`sub:${peerId}`, async () => {
			const viewer = this.#viewers.get(peerId);
			this.#viewers.delete(peerId);
			await viewer?.close();
		});
	}

	tracks(): TrackInfo[] {
		return this.#tracks.list();
	}

	on<E extends keyof MediaRoomEvents>(event: E, listener: MediaRoomEvents[E]): () => void {
		const listeners = this.#listeners[event] as Set<MediaRoomEvents[E]>;
		listeners.add(listener);
		return () => listeners.delete(listener);
	}

	stats(): MediaStats {
		return {
			rooms: 1,
			publishers: this.#publishers.size,
			subscribers: this.#viewers.size,
			tracks: this.#tracks.list().length,
			packetsReceived: 0,
			packetsForwarded: 0,
			bytesForwarded: 0,
			keyframeRequests: 0,
			retransmissions: 0
		};
	}

	recordItself(recordingId: string, dir: string, startedAt?: number): RecordingSink {
		const host = {
			publishers: () => this.#publishers.recordable(),
			onPublisher: (listener: (publisher: RecordablePublisher) => void) => {
				this.#recorders.add(listener);
				return () => void this.#recorders.delete(listener);
			},
			configure: async (handleId: number, body: Record<string, unknown>) => {
				const janus = await this.#janus;
				if (janus) await janus.link.session.message(handleId, body);
			}
		};
		return startJanusRecording(host, recordingId, dir, this.logger, startedAt);
	}

	async close(): Promise<void> {
		if (this.#closed) return;
		this.#closed = true;
		const janus = await this.#janus?.catch(() => undefined);
		if (janus && !janus.link.session.lost) {
			// Destroying the VideoRoom hangs up every handle in it.
			await janus.link.session.message(janus.link.control, { request: 'destroy', room: janus.room }).catch(() => {});
			await this.#publishers.closeAll(janus.link.session);
			for (const viewer of this.#viewers.values()) await viewer.close();
		}
		this.#publishers.forget();
		this.#viewers.clear();
		this.onClosed(this);
	}

	/** Janus went away: every handle is gone with it; viewers hear that the tracks went. */
	reset() {
		this.#janus = undefined;
		this.#publishers.forget();
		this.#viewers.clear();
		if (this.#tracks.clear()) this.#tracksChanged();
	}

	#check(peerId: string) {
		if (this.#closed) throw new MediaError('media_closed');
		if (!PEER_ID_PATTERN.test(peerId))
			throw new MediaError('media_invalid_payload', `bad peer id ${JSON.stringify(peerId)}`);
	}

	#room(): Promise<{ link: JanusLink; room: number }> {
		const create = async () => {
			const link = await this.connect();
			const reply = await link.session.message(link.control, {
				request: 'create',
				description: this.id.slice(0, 64),
				publishers: 100,
				videocodec: 'vp8',
				audiocodec: 'opus',
				notify_joining: false,
				permanent: false
			});
			return { link, room: Number(reply.data.room) };
		};
		const current = this.#janus;
		this.#janus = (current ?? create()).then((janus) => (janus.link.session.lost ? create() : janus));
		this.#janus.catch(() => (this.#janus = undefined));
		return this.#janus.catch((error) => {
			throw this.#mediaError(error, 'media_unavailable', 'no Janus room', this.id);
		});
	}

	async #dropPublisher(peerId: string, tracksToo: boolean) {
		if (tracksToo && this.#tracks.set(peerId, new Set())) this.#tracksChanged();
		const janus = await this.#janus?.catch(() => undefined);
		if (await this.#publishers.close(peerId, janus?.link.session)) this.#resyncAll();
	}

	#onViewerEvent(viewer: JanusViewer, event: JanusEvent) {
		void this.#queues.run(`sub:${viewer.peerId}`, async () => {
			if (this.#viewers.get(viewer.peerId) !== viewer) return;
			const offer = viewer.unsolicited(event);
			if (offer) this.#emitOffer(viewer.peerId, offer);
		});
	}

	#feedsFor(peerId: string): Set<number> {
		return this.#publishers.readyFeeds(peerId);
	}

	#tracksChanged() {
		const tracks = this.tracks();
		for (const listener of this.#listeners.tracks) listener(tracks);
	}

	#resyncAll() {
		for (const peerId of this.#viewers.keys()) void this.#resync(peerId);
	}

	#resync(peerId: string): Promise<void> {
		return this.#queues
			.run(`sub:${peerId}`, async () => {
				const viewer = this.#viewers.get(peerId);
				if (!viewer || this.#closed) return;
				const offer = await viewer.sync(this.#feedsFor(peerId));
				if (offer && this.#viewers.get(peerId) === viewer) this.#emitOffer(peerId, offer);
			})
			.catch((error) => this.logger.warn({ err: error, room: this.id, peerId }, 'media: Janus renegotiation failed'));
	}

	#emitOffer(peerId: string, offer: SessionDescription) {
		for (const listener of this.#listeners.offer) listener(peerId, offer);
	}

	/** MediaErrors pass; Janus being unreachable becomes media_unavailable; the rest `fallback`. */
	#mediaError(error: unknown, fallback: MediaError['code'], what: string, peerId: string): MediaError {
		if (error instanceof MediaError) return error;
		const code = error instanceof JanusRequestError ? fallback : 'media_unavailable';
		this.logger.warn({ err: error, room: this.id, peerId }, `media: ${what}`);
		return new MediaError(code);
	}
}
