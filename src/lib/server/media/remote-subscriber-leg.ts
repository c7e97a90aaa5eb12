// A viewer's leg that lives in a fan-out worker (fanout-worker.ts): the same operations as
// SubscriberLeg, sent to the worker that carries it. The room keeps the offer/answer state here.
import type { IceCandidate, SessionDescription } from './backend';
import { trackKey } from './fanout-protocol';
import type { FanoutPool } from './fanout-pool';
import type { ForwardedTrack } from './forwarded-track';

/** What a room needs of a viewer's leg, on the main thread (SubscriberLeg) or in a worker. */
export interface ViewerLeg {
	awaitingAnswer: boolean;
	dirty: boolean;
	sync(tracks: ForwardedTrack[]): boolean | Promise<boolean>;
	offer(): Promise<SessionDescription>;
	setAnswer(answer: SessionDescription): Promise<void>;
	addIceCandidate(candidate: IceCandidate): Promise<void>;
	close(): void;
}

export class RemoteSubscriberLeg implements ViewerLeg {
	readonly id: number;
	awaitingAnswer = false;
	dirty = false;
	#opened: Promise<unknown>;

	constructor(
		private readonly pool: FanoutPool,
		private readonly room: string
	) {
		this.id = pool.openLeg();
		this.#opened = pool.call(this.id, { op: 'leg-open', leg: this.id, room });
		// Awaited by sync(); a worker that dies first must not leave an unhandled rejection.
		this.#opened.catch(() => {});
	}

	async sync(tracks: ForwardedTrack[]): Promise<boolean> {
		await this.#opened;
		const keys = tracks.map((track) => trackKey(this.room, track.info.trackId));
		return (await this.pool.call(this.id, { op: 'leg-sync', leg: this.id, keys })) as boolean;
	}

	async offer(): Promise<SessionDescription> {
		// The worker's SubscriberLeg already applied finishLocalSdp (announced address).
		const sdp = (await this.pool.call(this.id, { op: 'leg-offer', leg: this.id })) as string;
		this.awaitingAnswer = true;
		return { type: 'offer', sdp };
	}

	async setAnswer(answer: SessionDescription) {
		await this.pool.call(this.id, { op: 'leg-answer', leg: this.id, sdp: answer.sdp });
		this.awaitingAnswer = false;
	}

	async addIceCandidate(candidate: IceCandidate) {
		if (!candidate.candidate) return;
		await this.pool.call(this.id, { op: 'leg-ice', leg: this.id, candidate });
	}

	close() {
		this.pool.closeLeg(this.id);
	}
}
