// One viewer's subscribing leg on Janus: a VideoRoom subscriber handle carrying the streams of every
// ready feed of the other publishers (Janus 1.1 multistream), renegotiated with `update`.
import type { SessionDescription } from '../backend';
import { JanusRequestError, type JanusEvent, type JanusReply, type JanusSession } from './api';
import { rewriteMsids, subscribedFeeds, type JanusSubscriberStream } from './subscriber-sdp';

export type FeedNaming = (feedId: number, feedMid: string) => { streamId: string; trackId: string } | undefined;

export class JanusViewer {
	handleId: number | undefined;
	/** An offer went out and its answer has not come back (a new one must wait). */
	awaitingAnswer = false;
	/** The wanted feeds changed while an offer was out: sync again after the answer. */
	dirty = false;
	#feeds = new Set<number>();
	#streams: JanusSubscriberStream[] = [];

	constructor(
		readonly peerId: string,
		private readonly session: JanusSession,
		private readonly roomNumber: number,
		private readonly naming: FeedNaming,
		/** Janus renegotiated by itself (a publisher left): hand its offer to the viewer. */
		private readonly onJanusOffer: (viewer: JanusViewer, event: JanusEvent) => void
	) {}

	/**
	 * Brings the handle's feeds to `wanted`: joins on the first feed, `update`s later. Returns the new
	 * offer (msids rewritten), or null when nothing changed or nothing can be watched yet.
	 */
	async sync(wanted: Set<number>): Promise<SessionDescription | null> {
		if (this.awaitingAnswer) {
			this.dirty = true;
			return null;
		}
		const add = [...wanted].filter((feed) => !this.#feeds.has(feed));
		const remove = [...this.#feeds].filter((feed) => !wanted.has(feed));
		if (add.length === 0 && remove.length === 0) return null;
		if (this.handleId === undefined) {
			if (add.length === 0) return null;
			this.handleId = await this.session.attach((event) => this.onJanusOffer(this, event));
			return this.#offered(
				await this.session.message(this.handleId, {
					request: 'join',
					ptype: 'subscriber',
					room: this.roomNumber,
					streams: add.map((feed) => ({ feed }))
				})
			);
		}
		try {
			return this.#offered(await this.session.message(this.handleId, updateBody(add, remove)));
		} catch (error) {
			// Janus may have dropped a departed feed by itself ("no such feed"): forget it and retry
			// with the additions only.
			if (!(error instanceof JanusRequestError) || remove.length === 0) throw error;
			for (const feed of remove) this.#feeds.delete(feed);
			return add.length > 0 ? this.#offered(await this.session.message(this.handleId, updateBody(add, []))) : null;
		}
	}

	/** An event Janus sent by itself; returns its offer when it carries one. */
	unsolicited(event: JanusEvent): SessionDescription | null {
		if (event.janus !== 'event' || event.jsep?.type !== 'offer') return null;
		return this.#offered({ data: event.plugindata?.data ?? {}, jsep: event.jsep });
	}

	async setAnswer(answer: SessionDescription): Promise<void> {
		if (this.handleId === undefined) return;
		await this.session.message(this.handleId, { request: 'start' }, answer);
		this.awaitingAnswer = false;
	}

	async trickle(candidate: Record<string, unknown>): Promise<void> {
		if (this.handleId !== undefined) await this.session.trickle(this.handleId, candidate);
	}

	async close(): Promise<void> {
		const handleId = this.handleId;
		this.handleId = undefined;
		if (handleId !== undefined) await this.session.detach(handleId);
	}

	#offered(reply: JanusReply): SessionDescription | null {
		if (Array.isArray(reply.data.streams)) {
			this.#streams = reply.data.streams as JanusSubscriberStream[];
			this.#feeds = subscribedFeeds(this.#streams);
		}
		if (reply.jsep?.type !== 'offer') return null;
		this.awaitingAnswer = true;
		const msids = new Map<string, { streamId: string; trackId: string }>();
		for (const stream of this.#streams) {
			const name =
				stream.mid !== undefined && typeof stream.feed_id === 'number' && stream.feed_mid !== undefined
					? this.naming(stream.feed_id, stream.feed_mid)
					: undefined;
			if (name) msids.set(stream.mid!, name);
		}
		return { type: 'offer', sdp: rewriteMsids(reply.jsep.sdp, msids) };
	}
}

function updateBody(add: number[], remove: number[]): Record<string, unknown> {
	const body: Record<string, unknown> = { request: 'update' };
	if (add.length > 0) body.subscribe = add.map((feed) => ({ feed }));
	if (remove.length > 0) body.unsubscribe = remove.map((feed) => ({ feed }));
	return body;
}
