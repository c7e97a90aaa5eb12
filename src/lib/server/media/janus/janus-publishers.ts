// The publishers of one Janus room: a VideoRoom publisher handle per publishing peer, its feed id,
// which source each of its mids carries, and whether Janus has its media flowing (`webrtcup`).
import { streamIdFor, trackIdFor } from '../../../media/types';
import type { MediaSource, SessionDescription } from '../backend';
import { JanusRequestError, type JanusEvent, type JanusSession } from './api';
import { iceUfrag } from '../sdp';
import type { RecordablePublisher } from './janus-recording';

type Publisher = {
	handleId: number;
	feedId: number;
	sources: Record<string, MediaSource>;
	ready: boolean;
	ufrag: string | undefined;
	/** The offer's mids in m-line order (Janus names recorded files by m-line index). */
	mids: string[];
};

export class JanusPublishers {
	readonly #byPeer = new Map<string, Publisher>();

	/** `onReadyChange` runs when a feed becomes watchable or stops being so. */
	constructor(private readonly onReadyChange: () => void) {}

	get size() {
		return this.#byPeer.size;
	}

	handleOf(peerId: string): number | undefined {
		return this.#byPeer.get(peerId)?.handleId;
	}

	/** Joins `peerId` as a publisher with its browser's offer; returns Janus's answer. */
	async open(
		session: JanusSession,
		room: number,
		peerId: string,
		offer: SessionDescription,
		sources: Record<string, MediaSource>
	): Promise<SessionDescription> {
		let handleId: number | undefined;
		try {
			handleId = await session.attach((event) => this.#onEvent(peerId, handleId!, event));
			const reply = await session.message(
				handleId,
				{ request: 'joinandconfigure', room, ptype: 'publisher', display: peerId },
				offer
			);
			if (reply.jsep?.type !== 'answer') throw new JanusRequestError(0, 'no answer to the publisher offer');
			this.#byPeer.set(peerId, {
				handleId,
				feedId: Number(reply.data.id),
				sources,
				ready: false,
				ufrag: iceUfrag(offer.sdp),
				mids: [...offer.sdp.matchAll(/^a=mid:(\S+)/gm)].map((m) => m[1])
			});
			return { type: 'answer', sdp: reply.jsep.sdp };
		} catch (error) {
			if (handleId !== undefined) void session.detach(handleId);
			throw error;
		}
	}

	/** Whether `offer` comes from `peerId`'s running browser connection (same ICE credentials): a renegotiation. */
	continuedBy(peerId: string, offer: SessionDescription): boolean {
		const ufrag = this.#byPeer.get(peerId)?.ufrag;
		return ufrag !== undefined && iceUfrag(offer.sdp) === ufrag;
	}

	/** Detaches `peerId`'s handle (Janus then drops its feed); true if viewers were receiving it. */
	async close(peerId: string, session: JanusSession | undefined): Promise<boolean> {
		const publisher = this.#byPeer.get(peerId);
		this.#byPeer.delete(peerId);
		if (!publisher) return false;
		await session?.detach(publisher.handleId);
		return publisher.ready;
	}

	async closeAll(session: JanusSession | undefined) {
		for (const peerId of [...this.#byPeer.keys()]) await this.close(peerId, session);
	}

	/** The publishers as the recording sink sees them. */
	recordable(): RecordablePublisher[] {
		return [...this.#byPeer].map(([peerId, p]) => ({ peerId, handleId: p.handleId, mids: p.mids, sources: p.sources }));
	}

	/** Forgets every handle without telling Janus (it went away). */
	forget() {
		this.#byPeer.clear();
	}

	/** The portal's stream and track id of the m-line `feedMid` of feed `feedId`. */
	nameFeed(feedId: number, feedMid: string): { streamId: string; trackId: string } | undefined {
		for (const [peerId, publisher] of this.#byPeer) {
			const source = publisher.feedId === feedId ? publisher.sources[feedMid] : undefined;
			if (source) return { streamId: streamIdFor(peerId, source), trackId: trackIdFor(peerId, source) };
		}
		return undefined;
	}

	/** The feeds Janus lets subscribers take now, but not `peerId`'s own. */
	readyFeeds(peerId: string): Set<number> {
		return new Set([...this.#byPeer].filter(([id, p]) => id !== peerId && p.ready).map(([, p]) => p.feedId));
	}

	#onEvent(peerId: string, handleId: number, event: JanusEvent) {
		const publisher = this.#byPeer.get(peerId);
		if (!publisher || publisher.handleId !== handleId) return;
		if (event.janus === 'webrtcup' && !publisher.ready) {
			publisher.ready = true; // only now will Janus let subscribers take this feed
			this.onReadyChange();
		} else if (event.janus === 'hangup' && publisher.ready) {
			publisher.ready = false; // the browser's peer connection broke: it will publish again
			this.onReadyChange();
		}
	}
}
