// A publisher's peer connection: answers its offer and reports each incoming track by mid.
import type { MediaStreamTrack, RTCPeerConnection, RTCRtpReceiver } from 'werift';
import type { IceCandidate, SessionDescription } from './backend';
import { createPublisherConnection, finishLocalSdp, type MediaNetworkConfig } from './peer-config';

export type IncomingTrack = (mid: string, track: MediaStreamTrack, receiver: RTCRtpReceiver) => void;

export class PublisherLeg {
	readonly pc: RTCPeerConnection;

	constructor(
		private readonly config: MediaNetworkConfig,
		onTrack: IncomingTrack
	) {
		this.pc = createPublisherConnection(config);
		this.pc.ontrack = ({ track, transceiver, receiver }) => {
			if (transceiver.mid) onTrack(transceiver.mid, track, receiver);
		};
	}

	async answer(offer: SessionDescription): Promise<SessionDescription> {
		await this.pc.setRemoteDescription(offer);
		// werift's setLocalDescription resolves after gathering: the description carries the candidates.
		await this.pc.setLocalDescription(await this.pc.createAnswer());
		const local = this.pc.localDescription;
		if (!local) throw new Error('werift produced no answer');
		return { type: 'answer', sdp: finishLocalSdp(local.sdp, this.config, { startBitrate: true }) };
	}

	async addIceCandidate(candidate: IceCandidate) {
		if (!candidate.candidate) return;
		await this.pc.addIceCandidate({ ...candidate, sdpMid: candidate.sdpMid ?? undefined, sdpMLineIndex: candidate.sdpMLineIndex ?? undefined, usernameFragment: candidate.usernameFragment ?? undefined });
	}

	close() {
		void this.pc.close().catch(() => {});
	}
}
