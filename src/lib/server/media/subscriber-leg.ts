// A viewer's peer connection: one sendonly transceiver per forwarded track (kept, and reused, when
// the track goes away), and the server-side offer/answer state of its renegotiations.
// A reused transceiver keeps its RtpOutlet: a second screen share continues the first one's
// sequence numbers, timestamps and picture ids on the same SSRC, which the viewer's decoder needs
// (a random restart on the same SSRC left the second share undecoded).
import type { RTCPeerConnection, RTCRtpTransceiver } from 'werift';
import type { IceCandidate, SessionDescription } from './backend';
import type { ForwardedTrack, Outlet } from './forwarded-track';
import { createSubscriberConnection, finishLocalSdp, type MediaNetworkConfig } from './peer-config';
import type { RtpOutlet } from './rtp-outlet';
import { answerBandwidthLimit } from './simulcast-layers';

type Slot = {
	transceiver: RTCRtpTransceiver;
	track?: ForwardedTrack;
	outlet?: Outlet;
	rtp?: RtpOutlet;
	limit?: number;
};

export class SubscriberLeg {
	readonly pc: RTCPeerConnection;
	readonly #slots = new Map<string, Slot>();
	/** An offer is out and its answer has not come back. */
	awaitingAnswer = false;
	/** Tracks changed while an offer was out: offer again after the answer. */
	dirty = false;

	constructor(private readonly config: MediaNetworkConfig) {
		this.pc = createSubscriberConnection(config);
	}

	/** Makes the transceivers match `tracks`; returns whether anything changed. */
	sync(tracks: ForwardedTrack[]): boolean {
		let changed = false;
		const wanted = new Map(tracks.map((track) => [track.info.trackId, track]));
		for (const [trackId, slot] of this.#slots) {
			if (slot.track && wanted.get(trackId) !== slot.track) {
				if (slot.outlet) slot.track.removeOutlet(slot.outlet);
				slot.track = slot.outlet = undefined;
				slot.transceiver.setDirection('inactive');
				changed = true;
			}
		}
		for (const [trackId, track] of wanted) {
			let slot = this.#slots.get(trackId);
			if (slot?.track === track) continue;
			if (!slot) {
				slot = { transceiver: this.pc.addTransceiver(track.info.kind, { direction: 'sendonly' }) };
				this.#slots.set(trackId, slot);
			} else slot.transceiver.setDirection('sendonly');
			const sender = slot.transceiver.sender;
			sender.streamId = track.info.streamId;
			slot.track = track;
			slot.outlet = track.addOutlet(
				sender,
				() => this.pc.connectionState === 'connected' && sender.codec !== undefined,
				slot.rtp
			);
			slot.rtp = slot.outlet.rtp;
			if (slot.limit !== undefined) slot.outlet.bandwidth.limit = slot.limit;
			changed = true;
		}
		return changed;
	}

	async offer(): Promise<SessionDescription> {
		await this.pc.setLocalDescription(await this.pc.createOffer());
		const local = this.pc.localDescription;
		if (!local) throw new Error('werift produced no offer');
		this.awaitingAnswer = true;
		return { type: 'offer', sdp: finishLocalSdp(local.sdp, this.config, { startBitrate: false }) };
	}

	async setAnswer(answer: SessionDescription) {
		await this.pc.setRemoteDescription(answer);
		this.awaitingAnswer = false;
		// The viewer's own limit (b=AS/b=TIAS in its answer) caps the layer it gets.
		for (const slot of this.#slots.values()) {
			if (!slot.transceiver.mid) continue;
			slot.limit = answerBandwidthLimit(answer.sdp, slot.transceiver.mid);
			if (slot.outlet) slot.outlet.bandwidth.limit = slot.limit;
		}
	}

	async addIceCandidate(candidate: IceCandidate) {
		if (!candidate.candidate) return;
		await this.pc.addIceCandidate({
			...candidate,
			sdpMid: candidate.sdpMid ?? undefined,
			sdpMLineIndex: candidate.sdpMLineIndex ?? undefined,
			usernameFragment: candidate.usernameFragment ?? undefined
		});
	}

	/** Stops forwarding at once; resolves when the peer connection (and its UDP socket) is closed. */
	close(): Promise<void> {
		for (const slot of this.#slots.values()) if (slot.track && slot.outlet) slot.track.removeOutlet(slot.outlet);
		this.#slots.clear();
		return this.pc.close().catch(() => {});
	}
}
