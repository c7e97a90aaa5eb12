// werift peers that play browser roles against the SFU, on 127.0.0.1 only: a publisher sending
// generated VP8/Opus RTP (a keyframe first and whenever the SFU asks), and recording viewers.
import { MediaStreamTrack, RTCPeerConnection, RtpHeader, RtpPacket, type RTCRtpTransceiver } from 'werift';
import type { MediaRoom, SessionDescription } from '../../src/lib/server/media/backend';
import { NO_STUN } from '../../src/lib/server/media/peer-config';

export const LOOPBACK = {
	...NO_STUN,
	bundlePolicy: 'max-bundle' as const,
	iceUseIpv4: false,
	iceUseIpv6: false,
	iceAdditionalHostAddresses: ['127.0.0.1'],
	iceInterfaceAddresses: { udp4: '127.0.0.1' }
};

export const TEST_MEDIA_CONFIG = {
	MEDIA_LISTEN_IP: '127.0.0.1',
	MEDIA_PORT_MIN: 42000,
	MEDIA_PORT_MAX: 42999,
	MEDIA_ICE_SERVERS: []
};

export const silentLogger = { warn: () => {}, debug: () => {} };

/** The first byte of every generated payload after the VP8 header is a frame counter. */
export type SentFrame = { frame: number; keyframe: boolean };

export class TestPublisher {
	readonly pc = new RTCPeerConnection(LOOPBACK);
	readonly video = new MediaStreamTrack({ kind: 'video' });
	readonly audio = new MediaStreamTrack({ kind: 'audio' });
	pliReceived = 0;
	frames = 0;
	#keyframeDue = true;
	#timer: ReturnType<typeof setInterval> | undefined;
	#seq = { video: 1000, audio: 5000 };
	videoTransceiver!: RTCRtpTransceiver;

	constructor(
		readonly peerId: string,
		private readonly withAudio = true
	) {}

	async publish(room: MediaRoom) {
		this.videoTransceiver = this.pc.addTransceiver(this.video, { direction: 'sendonly' });
		this.videoTransceiver.sender.onPictureLossIndication.subscribe(() => {
			this.pliReceived++;
			this.#keyframeDue = true;
		});
		const audio = this.withAudio ? this.pc.addTransceiver(this.audio, { direction: 'sendonly' }) : undefined;
		await this.pc.setLocalDescription(await this.pc.createOffer());
		const sources: Record<string, 'camera' | 'microphone'> = { [this.videoTransceiver.mid!]: 'camera' };
		if (audio) sources[audio.mid!] = 'microphone';
		const answer = await room.publish(this.peerId, { type: 'offer', sdp: this.pc.localDescription!.sdp }, sources);
		await this.pc.setRemoteDescription(answer);
		await this.pc.connectionStateChange.watch((s) => s === 'connected', 10_000);
	}

	/** Sends 30 video frames (2 packets each) and 50 Opus packets per second. */
	start() {
		let tick = 0;
		this.#timer = setInterval(() => {
			tick++;
			if (this.withAudio)
				for (let i = 0; i < 2; i++)
					this.audio.writeRtp(this.#packet('audio', 111, Buffer.from([0xfc, tick & 0xff]), true));
			if (tick % 3 !== 0) return; // video every 30 ms
			const keyframe = this.#keyframeDue;
			this.#keyframeDue = false;
			const frame = ++this.frames;
			// VP8 descriptor: S=1 PID=0 on the first packet, then a VP8 header with P=0 for keyframes.
			this.video.writeRtp(
				this.#packet(
					'video',
					96,
					Buffer.from([0x10, keyframe ? 0x00 : 0x01, frame & 0xff, ...new Array(900).fill(7)]),
					false,
					frame
				)
			);
			this.video.writeRtp(
				this.#packet('video', 96, Buffer.from([0x00, 0x55, frame & 0xff, ...new Array(600).fill(9)]), true, frame)
			);
		}, 10);
	}

	#packet(kind: 'audio' | 'video', payloadType: number, payload: Buffer, marker: boolean, frame = 0) {
		const sequenceNumber = (this.#seq[kind] = (this.#seq[kind] + 1) & 0xffff);
		const timestamp = kind === 'video' ? frame * 3000 : sequenceNumber * 480;
		return new RtpPacket(new RtpHeader({ payloadType, sequenceNumber, timestamp, marker, ssrc: 1 }), payload);
	}

	/**
	 * Adds a screen share to the running connection (a renegotiation, as the browser client does) and
	 * sends a keyframe-only VP8 stream on it every 30 ms.
	 */
	async addScreen(room: MediaRoom) {
		const screen = new MediaStreamTrack({ kind: 'video' });
		const transceiver = this.pc.addTransceiver(screen, { direction: 'sendonly' });
		await this.pc.setLocalDescription(await this.pc.createOffer());
		const sources: Record<string, 'camera' | 'microphone' | 'screen'> = {
			[this.videoTransceiver.mid!]: 'camera',
			[transceiver.mid!]: 'screen'
		};
		for (const t of this.pc.getTransceivers()) if (t.kind === 'audio' && t.mid) sources[t.mid] = 'microphone';
		const answer = await room.publish(this.peerId, { type: 'offer', sdp: this.pc.localDescription!.sdp }, sources);
		await this.pc.setRemoteDescription(answer);
		let frame = 0;
		let seq = 9000;
		this.#screenTimer = setInterval(() => {
			frame++;
			seq = (seq + 1) & 0xffff;
			screen.writeRtp(
				new RtpPacket(
					new RtpHeader({ payloadType: 96, sequenceNumber: seq, timestamp: frame * 3000, marker: true, ssrc: 2 }),
					Buffer.from([0x10, 0x00, 0xee, ...new Array(300).fill(5)])
				)
			);
		}, 30);
	}

	#screenTimer: ReturnType<typeof setInterval> | undefined;

	stop() {
		clearInterval(this.#timer);
		clearInterval(this.#screenTimer);
	}

	async close() {
		this.stop();
		await this.pc.close();
	}
}

export type Received = { kind: string; payloadType: number; ssrc: number; payload: Buffer; at: number };

export class TestViewer {
	readonly pc: RTCPeerConnection;
	readonly received: Received[] = [];
	offers: SessionDescription[] = [];

	/** `dropPercent`: werift drops that share of what arrives (its debug option), so the viewer NACKs. */
	constructor(
		readonly peerId: string,
		{ dropPercent = 0 } = {}
	) {
		this.pc = new RTCPeerConnection({
			...LOOPBACK,
			...(dropPercent ? { debug: { inboundPacketLoss: 100 - dropPercent } } : {})
		});
		this.#listen();
	}

	#listen() {
		this.pc.ontrack = ({ track }) => {
			track.onReceiveRtp.subscribe((rtp) =>
				this.received.push({
					kind: track.kind,
					payloadType: rtp.header.payloadType,
					ssrc: rtp.header.ssrc,
					payload: Buffer.from(rtp.payload),
					at: Date.now()
				})
			);
		};
	}

	/** Subscribes; with nobody publishing yet, the first offer comes later through the room's 'offer' event. */
	async join(room: MediaRoom) {
		const offer = await room.subscribe(this.peerId);
		if (offer) await this.answer(room, offer);
		return offer;
	}

	async answer(room: MediaRoom, offer: SessionDescription) {
		this.offers.push(offer);
		await this.pc.setRemoteDescription(offer);
		await this.pc.setLocalDescription(await this.pc.createAnswer());
		await room.setAnswer(this.peerId, { type: 'answer', sdp: this.pc.localDescription!.sdp });
	}

	video() {
		return this.received.filter((r) => r.kind === 'video');
	}

	async close() {
		await this.pc.close();
	}
}

export async function waitFor(condition: () => boolean, timeoutMs = 10_000, what = 'condition') {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/** The SSRC the SFU announced (a=ssrc) for the first m-line of `kind` in an offer. */
export function announcedSsrc(sdp: string, kind: 'audio' | 'video'): number | undefined {
	const section = sdp.split(/\r\nm=/).find((part) => part.startsWith(`${kind} `));
	const match = section && /a=ssrc:(\d+) /.exec(section);
	return match ? Number(match[1]) : undefined;
}
