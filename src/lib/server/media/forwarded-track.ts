// One published track and its fan-out: RTP from the publisher's receiver goes to every viewer
// unchanged apart from SSRC/PT/sequence/timestamp (see RtpOutlet); viewers whose video has not
// started wait for a keyframe, keyframe requests go back to the publisher, and packets a viewer
// reports lost (NACK) are resent from a shared history of the upstream packets.
// The same class runs on both sides of the worker fan-out (fanout-pool.ts): on the main thread it
// holds the publisher's receiver (attach) and hands each packet to its ingest taps; in a fan-out
// worker it has no receiver, is fed by messages (feed/restart) and asks for keyframes through
// `keyframeRequester`.
import type { MediaStreamTrack, RTCRtpReceiver, RTCRtpSender, RtcpPacket } from 'werift';
import type { TrackInfo } from './backend';
import { RtpOutlet, ntpNow, type ForwardPacket } from './rtp-outlet';
import { isVp8KeyframeStart } from './vp8';

/** Chrome ignores a PLI within ~300 ms of the previous one; repeat while anyone still waits. */
export const KEYFRAME_REPEAT_MS = 350;
const FIR_COUNT = 4;
const PSFB_TYPE = 206;

export type Counters = {
	packetsReceived: number;
	packetsForwarded: number;
	bytesForwarded: number;
	keyframeRequests: number;
	retransmissions: number;
};
export const emptyCounters = (): Counters => ({ packetsReceived: 0, packetsForwarded: 0, bytesForwarded: 0, keyframeRequests: 0, retransmissions: 0 });

/** A viewer's sender for this track. `ready` says whether its transport can carry media yet. */
export type Outlet = { rtp: RtpOutlet; ready: () => boolean; waiting: boolean; dispose: () => void };

/** Upstream packets kept for retransmission (about 2 s of 1.5 Mbit/s video). */
const HISTORY = 512;

const ignore = () => {};

export class ForwardedTrack {
	readonly #outlets = new Set<Outlet>();
	#upstream: { track: MediaStreamTrack; receiver: RTCRtpReceiver; dispose: () => void } | undefined;
	#timer: ReturnType<typeof setInterval> | undefined;
	#lastRequest = 0;
	#lastForwardedAt = 0;
	#lastTimestamp = -1;
	#ntp: bigint | undefined;
	readonly #history: Array<ForwardPacket | undefined> = [];
	/** Called with every packet from the publisher, before the fan-out (worker posting, recording). */
	readonly ingest = new Set<(packet: ForwardPacket) => void>();
	/** Called on a new source (publisher's new peer connection), so worker copies can restart too. */
	readonly restarted = new Set<() => void>();

	constructor(
		readonly info: TrackInfo,
		private readonly counters: Counters,
		/** Without a receiver of its own (fan-out worker): forwards a keyframe request upstream. */
		private readonly keyframeRequester?: () => void
	) {}

	get isVideo() {
		return this.info.kind === 'video';
	}

	/** The publisher's (new) receiving track; viewers continue on the same sender without a gap in numbering. */
	attach(track: MediaStreamTrack, receiver: RTCRtpReceiver) {
		this.detach();
		const subscription = track.onReceiveRtp.subscribe((rtp) => this.feed(rtp));
		this.#upstream = { track, receiver, dispose: () => subscription.unSubscribe() };
		this.restart();
		for (const listener of this.restarted) listener();
	}

	/** The next packet starts a new source: viewers continue without a gap in numbering, video on a keyframe. */
	restart() {
		// The new source's timestamps continue from the old ones, advanced by the wall-clock gap.
		const clockRate = this.isVideo ? 90_000 : 48_000;
		const gapMs = this.#lastForwardedAt ? Math.min(Date.now() - this.#lastForwardedAt, 10_000) : 20;
		const step = Math.max(1, Math.round((gapMs * clockRate) / 1000));
		this.#history.length = 0;
		for (const outlet of this.#outlets) {
			outlet.rtp.rebase(step);
			if (this.isVideo) outlet.waiting = true;
		}
		this.#updateWaiting();
	}

	detach() {
		this.#upstream?.dispose();
		this.#upstream = undefined;
	}

	addOutlet(sender: RTCRtpSender, ready: () => boolean): Outlet {
		const pli = sender.onPictureLossIndication.subscribe(() => this.requestKeyframe());
		const rtcp = sender.onRtcp.subscribe((packet: RtcpPacket) => {
			if (packet.type === PSFB_TYPE && (packet as { feedback?: { count?: number } }).feedback?.count === FIR_COUNT) this.requestKeyframe();
		});
		const rtp = new RtpOutlet(sender);
		const nack = sender.onGenericNack.subscribe((feedback) => this.#retransmit(rtp, feedback.lost));
		const outlet: Outlet = {
			rtp,
			ready,
			waiting: this.isVideo,
			dispose: () => {
				pli.unSubscribe();
				rtcp.unSubscribe();
				nack.unSubscribe();
			}
		};
		this.#outlets.add(outlet);
		this.#updateWaiting();
		return outlet;
	}

	removeOutlet(outlet: Outlet) {
		outlet.dispose();
		this.#outlets.delete(outlet);
		this.#updateWaiting();
	}

	/** Asks the publisher for a keyframe, at most once per KEYFRAME_REPEAT_MS. */
	requestKeyframe() {
		const upstream = this.#upstream;
		const now = Date.now();
		if (!this.isVideo || now - this.#lastRequest < KEYFRAME_REPEAT_MS - 50) return;
		if (!upstream && this.keyframeRequester) {
			this.#lastRequest = now;
			this.keyframeRequester();
			return;
		}
		if (!upstream || upstream.track.ssrc === undefined) return;
		this.#lastRequest = now;
		this.counters.keyframeRequests++;
		upstream.receiver.sendRtcpPLI(upstream.track.ssrc).catch(ignore);
	}

	#retransmit(outlet: RtpOutlet, lost: number[]) {
		for (const outSeq of lost) {
			const upstreamSeq = outlet.upstreamSeqOf(outSeq);
			const packet = upstreamSeq === undefined ? undefined : this.#history[upstreamSeq % HISTORY];
			if (!packet || packet.header.sequenceNumber !== upstreamSeq) continue;
			if (outlet.resend(packet, outSeq) > 0) this.counters.retransmissions++;
		}
	}

	/** One packet from the publisher (attach's subscription, or a fan-out worker's message). */
	feed(rtp: ForwardPacket) {
		if (!this.keyframeRequester) this.counters.packetsReceived++;
		for (const listener of this.ingest) listener(rtp);
		const now = Date.now();
		this.#lastForwardedAt = now;
		if (this.isVideo) this.#history[rtp.header.sequenceNumber % HISTORY] = rtp;
		// One NTP time per frame for every viewer's sender reports (BigInt work, so not per packet).
		if (rtp.header.timestamp !== this.#lastTimestamp) {
			this.#lastTimestamp = rtp.header.timestamp;
			this.#ntp = ntpNow();
		}
		let keyframe: boolean | undefined;
		let stillWaiting = false;
		for (const outlet of this.#outlets) {
			if (outlet.waiting) {
				keyframe ??= isVp8KeyframeStart(rtp.payload);
				if (!keyframe || !outlet.ready()) {
					stillWaiting = true;
					continue;
				}
				outlet.waiting = false;
			}
			if (outlet.rtp.send(rtp, this.#ntp) > 0) {
				this.counters.packetsForwarded++;
				this.counters.bytesForwarded += rtp.payload.length;
			}
		}
		if (!stillWaiting && this.#timer) this.#updateWaiting();
	}

	/** Runs the repeating keyframe request while a viewer waits for one. */
	#updateWaiting() {
		const waiting = [...this.#outlets].some((outlet) => outlet.waiting);
		if (waiting && !this.#timer) {
			this.requestKeyframe();
			this.#timer = setInterval(() => this.requestKeyframe(), KEYFRAME_REPEAT_MS);
		} else if (!waiting && this.#timer) {
			clearInterval(this.#timer);
			this.#timer = undefined;
		}
	}

	close() {
		this.detach();
		for (const outlet of this.#outlets) outlet.dispose();
		this.#outlets.clear();
		this.ingest.clear();
		this.restarted.clear();
		this.#updateWaiting();
	}
}
