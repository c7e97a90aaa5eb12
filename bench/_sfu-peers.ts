// werift peers of the SFU benchmark, signalling over socket.io like browsers do: the fixture
// publisher (replays bench/fixtures/sfu-camera.rtp in a loop) and headless viewers that count what
// they receive and time their join to the first keyframe.
import { MediaStreamTrack, RTCPeerConnection, RTCRtpCodecParameters, RtpHeader, RtpPacket } from 'werift';
import { io, type Socket } from 'socket.io-client';
import type { SessionDescription } from '../src/lib/media/types';
import { isVp8KeyframeStart } from '../src/lib/server/media/vp8';
import type { SignalTransport } from './_sfu-browser';
import type { RecordedPacket } from './_sfu-fixture';
import { NO_STUN } from '../src/lib/server/media/peer-config';
import { lightReceiver, type Drained } from './_sfu-drain';

// 127.0.0.1, or for Janus the address of its veth (only there does Janus gather candidates).
const PEER_ADDRESS = process.env.SFU_BENCH_PEER_ADDRESS ?? '127.0.0.1';
const LOOPBACK = {
	...NO_STUN,
	bundlePolicy: 'max-bundle' as const,
	iceUseIpv4: false,
	iceUseIpv6: false,
	iceAdditionalHostAddresses: [PEER_ADDRESS],
	iceInterfaceAddresses: { udp4: PEER_ADDRESS }
};

type Reply = { ok: boolean; error?: { message: string }; answer?: SessionDescription; offer?: SessionDescription };

/** socket.io signalling to the benchmark server, as peer `peerId`. */
export async function socketTransport(url: string, peerId: string): Promise<SignalTransport & { socket: Socket }> {
	const socket = io(url, { query: { peerId }, transports: ['websocket'], reconnection: false });
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', () => resolve());
		socket.once('connect_error', reject);
	});
	return {
		socket,
		request: (event, payload) => socket.timeout(20_000).emitWithAck(event, payload),
		onPush(listener) {
			socket.on('media:offer', (payload) => listener('media:offer', payload));
			socket.on('media:tracks', (payload) => listener('media:tracks', payload));
		},
		close: () => void socket.close()
	};
}

async function request(transport: SignalTransport, event: string, payload: unknown): Promise<Reply> {
	const reply = (await transport.request(event, payload)) as Reply;
	if (!reply.ok) throw new Error(`${event}: ${reply.error?.message}`);
	return reply;
}

export class FixturePublisher {
	readonly pc = new RTCPeerConnection(LOOPBACK);
	readonly tracks = { video: new MediaStreamTrack({ kind: 'video' }), audio: new MediaStreamTrack({ kind: 'audio' }) };
	keyframeRequests = 0;
	#timer: ReturnType<typeof setInterval> | undefined;

	constructor(private readonly packets: RecordedPacket[]) {}

	async publish(transport: SignalTransport) {
		const video = this.pc.addTransceiver(this.tracks.video, { direction: 'sendonly' });
		const audio = this.pc.addTransceiver(this.tracks.audio, { direction: 'sendonly' });
		video.sender.onPictureLossIndication.subscribe(() => this.keyframeRequests++);
		await this.pc.setLocalDescription(await this.pc.createOffer());
		const { answer } = await request(transport, 'media:publish', {
			offer: { type: 'offer', sdp: this.pc.localDescription!.sdp },
			sources: { [video.mid!]: 'camera', [audio.mid!]: 'microphone' }
		});
		await this.pc.setRemoteDescription(answer!);
		await this.pc.connectionStateChange.watch((state) => state === 'connected', 10_000);
		this.#play();
	}

	/** Plays the recording in real time; restarts it (from its keyframe) at the end or on a keyframe request. */
	#play() {
		const clock = { video: 90, audio: 48 }; // per ms
		const seq = { video: 0, audio: 0 };
		const lastTs = { video: 0, audio: 0 };
		const base = { video: 0, audio: 0 };
		const first = {
			video: this.packets.find((p) => p.kind === 'video')!.timestamp,
			audio: this.packets.find((p) => p.kind === 'audio')?.timestamp ?? 0
		};
		let index = 0;
		let startedAt = Date.now();
		let handledRequests = 0;
		const restart = () => {
			index = 0;
			startedAt = Date.now();
			for (const kind of ['video', 'audio'] as const) base[kind] = (lastTs[kind] + 20 * clock[kind]) >>> 0;
		};
		this.#timer = setInterval(() => {
			if (handledRequests !== this.keyframeRequests) {
				handledRequests = this.keyframeRequests;
				restart();
			}
			const elapsed = Date.now() - startedAt;
			while (index < this.packets.length && this.packets[index].at <= elapsed) {
				const p = this.packets[index++];
				seq[p.kind] = (seq[p.kind] + 1) & 0xffff;
				const timestamp = (base[p.kind] + ((p.timestamp - first[p.kind]) >>> 0)) >>> 0;
				lastTs[p.kind] = timestamp;
				const header = new RtpHeader({
					payloadType: p.kind === 'video' ? 96 : 111,
					sequenceNumber: seq[p.kind],
					timestamp,
					marker: p.marker,
					ssrc: 1
				});
				this.tracks[p.kind].writeRtp(new RtpPacket(header, p.payload));
			}
			if (index >= this.packets.length) restart();
		}, 5);
	}

	async close() {
		clearInterval(this.#timer);
		await this.pc.close();
	}
}

/** Light viewers authenticate one packet in SAMPLE_EVERY fully (after their first keyframe). */
export const SAMPLE_EVERY = 50;
/**
 * Only PLI feedback: a light viewer skips packets on purpose and must not ask for them again (its
 * NACK generator is turned off in ontrack). A new list per peer connection: werift writes payload
 * types into these objects.
 */
const lightCodecs = () => ({
	audio: [new RTCRtpCodecParameters({ mimeType: 'audio/opus', clockRate: 48000, channels: 2 })],
	video: [
		new RTCRtpCodecParameters({
			mimeType: 'video/VP8',
			clockRate: 90000,
			rtcpFeedback: [{ type: 'nack', parameter: 'pli' }]
		})
	]
});
type DataEvent = { execute: (data: Buffer) => void };

/**
 * A headless viewer: ICE, DTLS and SRTP like a browser (werift). A full viewer decrypts and
 * authenticates every packet; a light one (the default, so hundreds fit on one core) only counts
 * SRTP packets by their clear header after its first keyframe, and hands one in SAMPLE_EVERY (and
 * all RTCP, STUN and DTLS) to werift, which authenticates and decrypts it. With the native drain
 * built (native/udp_drain.c) a light viewer's socket is then read in batches by recvmmsg(2) instead
 * of one Node callback per datagram.
 */
export class BenchViewer {
	readonly pc: RTCPeerConnection;
	/** SRTP packets counted in JavaScript (before the socket is drained natively). */
	#counted = 0;
	/** Set once the light viewer's socket is read by the native drain (bench/_sfu-drain.ts). */
	#drained: Drained | undefined;
	/** Packets werift decrypted and authenticated. */
	authenticated = 0;
	/** Packets handed to werift for authentication. */
	sampled = 0;
	/** ms from the subscribe request to the first keyframe packet; undefined until then. */
	joinToKeyframeMs: number | undefined;
	/** ms from the subscribe request to: the server's offer, the answer accepted, ICE + DTLS connected. */
	readonly stagesMs: { offer?: number; answered?: number; connected?: number } = {};
	#requestedAt = 0;
	#queue: Promise<unknown> = Promise.resolve();
	#tapped = false;

	constructor(
		private readonly transport: SignalTransport,
		readonly full = false
	) {
		this.pc = new RTCPeerConnection(full ? LOOPBACK : { ...LOOPBACK, codecs: lightCodecs() });
		this.pc.ontrack = ({ track, receiver }) => {
			// werift NACKs whenever the codec has any `nack` feedback (`nack pli` included), and a light
			// viewer sees a gap after every sampled packet: it would ask for ~60 resends a second, which a
			// browser on loopback never does. Its loss detector is turned off.
			if (!full) (receiver as unknown as { nack: { addPacket(): void } }).nack.addPacket = () => {};
			track.onReceiveRtp.subscribe((rtp) => {
				this.authenticated++;
				if (track.kind === 'video' && this.joinToKeyframeMs === undefined && isVp8KeyframeStart(rtp.payload)) {
					this.joinToKeyframeMs = Date.now() - this.#requestedAt;
					if (!full) this.#drain();
				}
			});
		};
		transport.onPush((event, payload) => {
			if (event === 'media:offer')
				this.#queue = this.#queue
					.then(() => this.#answer((payload as { offer: SessionDescription }).offer))
					.catch(() => {});
		});
	}

	/** SRTP packets that arrived (counted, whether or not decrypted). */
	get packets() {
		return this.#counted + (this.#drained?.counted() ?? 0);
	}

	/** From now on the socket is read natively: RTP is counted there, a sample and the rest come back here. */
	#drain() {
		const connection = this.pc.iceTransports[0]?.connection as unknown as
			{ nominated?: { protocol: { transport?: { socket?: import('node:dgram').Socket } } } } | undefined;
		const socket = connection?.nominated?.protocol.transport?.socket;
		if (socket) this.#drained = lightReceiver.drain(socket, SAMPLE_EVERY);
	}

	async join() {
		this.#requestedAt = Date.now();
		const since = () => Date.now() - this.#requestedAt;
		this.pc.connectionStateChange
			.watch((state) => state === 'connected', 60_000)
			.then(
				() => (this.stagesMs.connected = since()),
				() => {}
			);
		const { offer } = await request(this.transport, 'media:subscribe', {});
		this.stagesMs.offer = since();
		// The bench publishes before viewers join, so there is always something to watch.
		if (!offer) throw new Error('media:subscribe: nothing to watch');
		await this.#answer(offer);
		this.stagesMs.answered = since();
	}

	async #answer(offer: SessionDescription) {
		await this.pc.setRemoteDescription(offer);
		await this.pc.setLocalDescription(await this.pc.createAnswer());
		this.#tap();
		await request(this.transport, 'media:answer', { answer: { type: 'answer', sdp: this.pc.localDescription!.sdp } });
	}

	/** Puts the counter in front of werift's packet dispatch (ICE connection's onData). */
	#tap() {
		const connection = this.pc.iceTransports[0]?.connection as unknown as { onData: DataEvent } | undefined;
		if (this.#tapped || !connection) return;
		this.#tapped = true;
		const dispatch = connection.onData.execute;
		connection.onData.execute = (data: Buffer) => {
			// RTP (not RTCP: payload types 192–223 in the second byte) by its first two bits.
			const rtp = data.length > 12 && data[0] >> 6 === 2 && (data[1] < 192 || data[1] > 223);
			if (!rtp) return dispatch(data);
			// Drained natively: RTP here is a sample, already counted there.
			if (this.#drained) return (this.sampled++, dispatch(data));
			this.#counted++;
			if (!this.full && this.joinToKeyframeMs !== undefined && this.#counted % SAMPLE_EVERY !== 0) return;
			this.sampled++;
			dispatch(data);
		};
	}

	async close() {
		this.#drained?.stop();
		await this.transport.close();
		await this.pc.close();
	}
}
