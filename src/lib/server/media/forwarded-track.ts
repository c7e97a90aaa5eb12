// One published track and its fan-out: RTP from the publisher's receiver goes to every viewer
// unchanged apart from SSRC/PT/sequence/timestamp (see RtpOutlet); viewers whose video has not
// started wait for a keyframe, keyframe requests go back to the publisher, and packets a viewer
// reports lost (NACK) are resent from a shared history of the upstream packets.
// The same class runs on both sides of the worker fan-out (fanout-pool.ts): on the main thread it
// holds the publisher's receiver (attach) and hands each packet to its ingest taps; in a fan-out
// worker it has no receiver, is fed by messages (feed/restart) and asks for keyframes through
// `keyframeRequester`.
// A simulcast track has several layers (0 the lowest, in the order the publisher's offer lists its
// rids): each viewer gets one, chosen every second from its leg's bandwidth estimate, and moves to
// another only on a keyframe of that layer (asked for on that layer's SSRC); its RtpOutlet keeps
// the viewer's stream continuous across the switch.
import type { MediaStreamTrack, RTCRtpReceiver, RTCRtpSender, RtcpPacket } from 'werift';
import type { TrackInfo } from './backend';
import { RtpOutlet, ntpNow, type ForwardPacket } from './rtp-outlet';
import { isVp8KeyframeStart } from './vp8';
import { chooseLayer, LayerRates, ViewerBandwidth } from './simulcast-layers';

/** Chrome ignores a PLI within ~300 ms of the previous one; repeat while anyone still waits. */
export const KEYFRAME_REPEAT_MS = 350;
const FIR_COUNT = 4;
const REMB_COUNT = 15;
const PSFB_TYPE = 206;
const SR_TYPE = 200;
const RR_TYPE = 201;
/** How often each viewer's layer is chosen again. */
export const LAYER_CHOICE_MS = 1_000;

export type Counters = {
	packetsReceived: number;
	packetsForwarded: number;
	bytesForwarded: number;
	keyframeRequests: number;
	retransmissions: number;
};
export const emptyCounters = (): Counters => ({
	packetsReceived: 0,
	packetsForwarded: 0,
	bytesForwarded: 0,
	keyframeRequests: 0,
	retransmissions: 0
});

/**
 * A viewer's sender for this track. `ready` says whether its transport can carry media yet; `layer`
 * is the layer it is sent (-1 while it waits for a keyframe), `target` the one it should get.
 */
export type Outlet = {
	rtp: RtpOutlet;
	ready: () => boolean;
	layer: number;
	target: number;
	bandwidth: ViewerBandwidth;
	dispose: () => void;
};
type RtcpReport = {
	type: number;
	reports?: { ssrc: number; fractionLost: number }[];
	feedback?: { count?: number; bitrate?: number };
};

/** Upstream packets kept for retransmission (about 2 s of 1.5 Mbit/s video). */
const HISTORY = 512;

const ignore = () => {};

export class ForwardedTrack {
	readonly #outlets = new Set<Outlet>();
	#upstream: { tracks: MediaStreamTrack[]; receiver: RTCRtpReceiver; dispose: () => void } | undefined;
	#timer: ReturnType<typeof setInterval> | undefined;
	#choiceTimer: ReturnType<typeof setInterval> | undefined;
	/** Layers some viewer waits for a keyframe of. */
	#waitingLayers = new Set<number>();
	readonly #lastRequest: number[] = [];
	#lastForwardedAt = 0;
	readonly #lastTimestamp: number[] = [];
	readonly #ntp: Array<bigint | undefined> = [];
	readonly #history: Array<Array<ForwardPacket | undefined>> = [[]];
	readonly #rates = new LayerRates();
	/** Called with every packet from the publisher (and its layer), before the fan-out (worker posting, recording). */
	readonly ingest = new Set<(packet: ForwardPacket, layer: number) => void>();
	/** Called on a new source (publisher's new peer connection), so worker copies can restart too. */
	readonly restarted = new Set<() => void>();

	constructor(
		readonly info: TrackInfo,
		private readonly counters: Counters,
		/** Without a receiver of its own (fan-out worker): forwards a keyframe request of a layer upstream. */
		private readonly keyframeRequester?: (layer: number) => void
	) {}

	get isVideo() {
		return this.info.kind === 'video';
	}

	/** Layers seen so far (1 without simulcast). */
	get layers() {
		return Math.max(1, this.#rates.count);
	}

	/**
	 * The publisher's (new) receiving track, or its simulcast layers from the lowest to the highest;
	 * viewers continue on the same sender without a gap in numbering.
	 */
	attach(tracks: MediaStreamTrack | MediaStreamTrack[], receiver: RTCRtpReceiver) {
		this.detach();
		const layers = Array.isArray(tracks) ? tracks : [tracks];
		const subscriptions = layers.map((track, layer) => track.onReceiveRtp.subscribe((rtp) => this.feed(rtp, layer)));
		this.#upstream = {
			tracks: layers,
			receiver,
			dispose: () => subscriptions.forEach((subscription) => subscription.unSubscribe())
		};
		this.restart();
		for (const listener of this.restarted) listener();
	}

	/** The next packet starts a new source: viewers continue without a gap in numbering, video on a keyframe. */
	restart() {
		// The new source's timestamps continue from the old ones, advanced by the wall-clock gap.
		const clockRate = this.isVideo ? 90_000 : 48_000;
		const gapMs = this.#lastForwardedAt ? Math.min(Date.now() - this.#lastForwardedAt, 10_000) : 20;
		const step = Math.max(1, Math.round((gapMs * clockRate) / 1000));
		for (const history of this.#history) history.length = 0;
		for (const outlet of this.#outlets) {
			outlet.rtp.rebase(step);
			if (this.isVideo) outlet.layer = -1;
		}
		this.#updateWaiting();
	}

	detach() {
		this.#upstream?.dispose();
		this.#upstream = undefined;
	}

	/**
	 * A viewer's sender for this track. `rtp` is the RtpOutlet this sender had for an earlier track
	 * (a second screen share on a reused transceiver): the viewer's stream then continues from it.
	 */
	addOutlet(sender: RTCRtpSender, ready: () => boolean, rtp = new RtpOutlet(sender, this.isVideo)): Outlet {
		rtp.rebase();
		const bandwidth = new ViewerBandwidth();
		const pli = sender.onPictureLossIndication.subscribe(() => this.requestKeyframe(Math.max(outlet.layer, 0)));
		const rtcp = sender.onRtcp.subscribe((packet: RtcpPacket) => {
			const report = packet as RtcpReport;
			if (report.type === PSFB_TYPE && report.feedback?.count === FIR_COUNT)
				this.requestKeyframe(Math.max(outlet.layer, 0));
			else if (report.type === PSFB_TYPE && report.feedback?.count === REMB_COUNT && report.feedback.bitrate)
				bandwidth.onRemb(Number(report.feedback.bitrate));
			else if (report.type === RR_TYPE || report.type === SR_TYPE) {
				const block = report.reports?.find((r) => r.ssrc === sender.ssrc);
				if (block) bandwidth.onReceiverReport(block.fractionLost);
			}
		});
		const nack = sender.onGenericNack.subscribe((feedback) => this.#retransmit(outlet, feedback.lost));
		const now = Date.now();
		const outlet: Outlet = {
			rtp,
			ready,
			layer: this.isVideo ? -1 : 0,
			target: this.#rates.count > 1 ? Math.max(0, chooseLayer(this.#rates.snapshot(now), bandwidth.value, -1)) : 0,
			bandwidth,
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

	/** Asks the publisher for a keyframe of `layer`, at most once per KEYFRAME_REPEAT_MS and layer. */
	requestKeyframe(layer = 0) {
		const upstream = this.#upstream;
		const now = Date.now();
		if (!this.isVideo || now - (this.#lastRequest[layer] ?? 0) < KEYFRAME_REPEAT_MS - 50) return;
		if (!upstream && this.keyframeRequester) {
			this.#lastRequest[layer] = now;
			this.keyframeRequester(layer);
			return;
		}
		const track = upstream?.tracks[Math.min(layer, upstream.tracks.length - 1)];
		// A simulcast layer's SSRC is known from its packets only (the offer names rids).
		const ssrc = track?.ssrc ?? track?.header?.ssrc;
		if (!upstream || ssrc === undefined) return;
		this.#lastRequest[layer] = now;
		this.counters.keyframeRequests++;
		upstream.receiver.sendRtcpPLI(ssrc).catch(ignore);
	}

	#retransmit(outlet: Outlet, lost: number[]) {
		const history = this.#history[outlet.layer];
		if (!history) return;
		for (const outSeq of lost) {
			const upstreamSeq = outlet.rtp.upstreamSeqOf(outSeq);
			const packet = upstreamSeq === undefined ? undefined : history[upstreamSeq % HISTORY];
			if (!packet || packet.header.sequenceNumber !== upstreamSeq) continue;
			if (outlet.rtp.resend(packet, outSeq) > 0) this.counters.retransmissions++;
		}
	}

	/** One packet of `layer` from the publisher (attach's subscription, or a fan-out worker's message). */
	feed(rtp: ForwardPacket, layer = 0) {
		if (!this.keyframeRequester) this.counters.packetsReceived++;
		for (const listener of this.ingest) listener(rtp, layer);
		const now = Date.now();
		this.#lastForwardedAt = now;
		const simulcast = layer > 0 || this.#rates.count > 1;
		this.#rates.add(layer, rtp.payload.length, now);
		if (simulcast && !this.#choiceTimer) this.#choiceTimer = setInterval(() => this.#chooseLayers(), LAYER_CHOICE_MS);
		if (this.isVideo) (this.#history[layer] ??= [])[rtp.header.sequenceNumber % HISTORY] = rtp;
		// One NTP time per frame and layer for every viewer's sender reports (BigInt work, so not per packet).
		if (rtp.header.timestamp !== this.#lastTimestamp[layer]) {
			this.#lastTimestamp[layer] = rtp.header.timestamp;
			this.#ntp[layer] = ntpNow();
		}
		let keyframe: boolean | undefined;
		let switched = false;
		for (const outlet of this.#outlets) {
			if (outlet.target === layer && outlet.layer !== layer) {
				keyframe ??= isVp8KeyframeStart(rtp.payload);
				if (keyframe && outlet.ready()) {
					// Another layer's numbering continues from the one the viewer had (the RtpOutlet rewrites it).
					if (outlet.layer >= 0) outlet.rtp.rebase();
					outlet.layer = layer;
					switched = true;
				}
			}
			if (outlet.layer !== layer) continue;
			if (outlet.rtp.send(rtp, this.#ntp[layer]) > 0) {
				this.counters.packetsForwarded++;
				this.counters.bytesForwarded += rtp.payload.length;
			}
		}
		if (switched) this.#updateWaiting();
	}

	/** Each viewer's layer from its bandwidth estimate; a change waits for a keyframe of the new layer. */
	#chooseLayers() {
		const now = Date.now();
		this.#rates.tick(now);
		const rates = this.#rates.snapshot(now);
		for (const outlet of this.#outlets) {
			const target = chooseLayer(rates, outlet.bandwidth.value, outlet.layer);
			if (target >= 0) outlet.target = target;
		}
		this.#updateWaiting();
	}

	/** Runs the repeating keyframe request while a viewer waits for a keyframe (of the layer it should get). */
	#updateWaiting() {
		const layers = new Set<number>();
		for (const outlet of this.#outlets) if (this.isVideo && outlet.layer !== outlet.target) layers.add(outlet.target);
		for (const layer of layers) if (!this.#waitingLayers.has(layer)) this.requestKeyframe(layer);
		this.#waitingLayers = layers;
		if (layers.size > 0 && !this.#timer)
			this.#timer = setInterval(
				() => this.#waitingLayers.forEach((layer) => this.requestKeyframe(layer)),
				KEYFRAME_REPEAT_MS
			);
		else if (layers.size === 0 && this.#timer) {
			clearInterval(this.#timer);
			this.#timer = undefined;
		}
	}

	close() {
		this.detach();
		if (this.#choiceTimer) clearInterval(this.#choiceTimer);
		this.#choiceTimer = undefined;
		for (const outlet of this.#outlets) outlet.dispose();
		this.#outlets.clear();
		this.ingest.clear();
		this.restarted.clear();
		this.#updateWaiting();
	}
}
