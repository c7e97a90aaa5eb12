// A publisher's peer connection: answers its offer (the first one, and each renegotiation of the same
// browser connection when a screen share comes or goes) and reports each incoming track by mid.
import type { MediaStreamTrack, RTCPeerConnection, RTCRtpReceiver } from 'werift';
import type { IceCandidate, MediaSource, SessionDescription } from './backend';
import { createPublisherConnection, finishLocalSdp, type MediaNetworkConfig } from './peer-config';
import { iceUfrag } from './sdp';

/** An incoming source: one track, or its simulcast layers from the lowest to the highest (the offer's rid order). */
export type IncomingTrack = (source: MediaSource, tracks: MediaStreamTrack[], receiver: RTCRtpReceiver) => void;

/**
 * werift 0.25 tracks lost packets with one sequence-number window per receiver, so simulcast's
 * interleaved layers (each with its own numbering) look like endless loss and it would NACK every
 * 5 ms; nor can it map the browser's RTX of a simulcast layer back (werift: no RTX with rids). A
 * simulcast receiver therefore sends no NACKs: a layer's lost packet is healed by the viewers' PLI.
 */
function withoutSharedNack(receiver: RTCRtpReceiver) {
	const internals = receiver as unknown as { nack?: { addPacket(packet: unknown): void } };
	if (internals.nack) internals.nack.addPacket = () => {};
}

export class PublisherLeg {
	readonly pc: RTCPeerConnection;
	/** The source of each sending mid, as the latest offer declared it. */
	sources: Record<string, MediaSource>;
	#ufrag: string | undefined;

	constructor(
		private readonly config: MediaNetworkConfig,
		sources: Record<string, MediaSource>,
		onTrack: IncomingTrack
	) {
		this.sources = sources;
		this.pc = createPublisherConnection(config);
		this.pc.ontrack = ({ track, transceiver, receiver }) => {
			const source = transceiver.mid ? this.sources[transceiver.mid] : undefined;
			const layers = receiver.tracks.filter((t) => t.rid);
			if (layers.length > 1) withoutSharedNack(receiver);
			if (source) onTrack(source, layers.length > 1 ? layers : [track], receiver);
		};
	}

	/** Whether `offer` renegotiates this connection (same ICE credentials, still usable) rather than starting a new one. */
	continuedBy(offer: SessionDescription): boolean {
		const state = this.pc.connectionState;
		return this.#ufrag !== undefined && iceUfrag(offer.sdp) === this.#ufrag && state !== 'failed' && state !== 'closed';
	}

	async answer(
		offer: SessionDescription,
		sources: Record<string, MediaSource> = this.sources
	): Promise<SessionDescription> {
		this.sources = sources;
		await this.pc.setRemoteDescription(offer);
		// werift's setLocalDescription resolves after gathering: the description carries the candidates.
		await this.pc.setLocalDescription(await this.pc.createAnswer());
		const local = this.pc.localDescription;
		if (!local) throw new Error('werift produced no answer');
		this.#ufrag = iceUfrag(offer.sdp);
		return { type: 'answer', sdp: finishLocalSdp(local.sdp, this.config, { startBitrate: true }) };
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

	close() {
		void this.pc.close().catch(() => {});
	}
}
