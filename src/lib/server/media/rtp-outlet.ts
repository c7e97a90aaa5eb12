// One viewer's copy of a forwarded track, written straight to the wire: the SFU's own header (the
// viewer leg's SSRC and payload type, continuous sequence numbers and timestamps), SRTP AES-GCM and
// one UDP send. The native addon (native-srtp.ts) does the last two in one call, on a cipher context
// keyed once per viewer; without it, Node's crypto (a cipher object per packet) and one dgram send
// of [header, ciphertext, tag] without concatenation do.
// werift's RTCRtpSender.sendRtp does the same job at about three times the CPU (it clones the
// packet, rebuilds header extensions, computes an NTP time and allocates several buffers per
// packet); its sender is still used for negotiation, RTCP (sender reports, NACK, PLI) and as the
// fallback when the fast path does not apply (a TURN-relayed pair, a non-GCM SRTP profile).
// When its source changes (a publisher's new connection, another simulcast layer, another track on
// a reused sender) the viewer still sees one stream: sequence numbers, timestamps and VP8 picture
// ids continue from the last ones sent (only the few descriptor bytes are copied, and only then).
import { createCipheriv, randomInt } from 'node:crypto';
import { RtpHeader, type RTCRtpSender } from 'werift';
import type { Socket } from 'node:dgram';
import {
	EAGAIN,
	dgramState,
	nativeSend,
	stateFd,
	type DgramState,
	type GcmKey,
	type NativeSend,
	type SockAddr
} from './native-srtp';
import { readVp8Ids, shiftedVp8Descriptor, type Vp8Ids } from './vp8';

/** What the fan-out reads of an RTP packet (werift's RtpPacket, or one rebuilt in a fan-out worker). */
export type ForwardPacket = { header: { sequenceNumber: number; timestamp: number; marker: boolean }; payload: Buffer };

/** The parts of werift 0.25's sender, DTLS, SRTP and ICE objects the fast path uses (pinned version). */
type SrtpState = { rolloverCounter: number };
type SrtpLocalContext = {
	profile: number;
	cipher: { srtpSessionKey: Buffer; srtpSessionSalt: Buffer };
	getSrtpSsrcState(ssrc: number): SrtpState;
	updateRolloverCount(sequenceNumber: number, state: SrtpState): void;
	encryptRtp(payload: Buffer, header: RtpHeader): Buffer;
};
/** werift's pair.remoteAddr builds a new array on every read; the candidate holds the same two values. */
type IcePair = {
	remoteCandidate: { readonly host: string; readonly port: number };
	protocol: {
		type?: string;
		transport?: { closed?: boolean; socket?: Socket };
	};
};
type Dtls = {
	state: string;
	bytesSent: number;
	packetsSent: number;
	srtp?: { localContext?: SrtpLocalContext };
	iceTransport: {
		connection: { nominated?: IcePair; canSendApplicationData?(): boolean; send(data: Buffer): Promise<void> };
	};
};
type SenderInternals = {
	ssrc: number;
	rtxSsrc: number;
	rtxPayloadType?: number;
	codec?: { payloadType: number };
	stopped: boolean;
	dtlsTransport?: Dtls;
	packetCount: number;
	octetCount: number;
	ntpTimestamp: bigint;
	rtpTimestamp: number;
	rtcpRunning: boolean;
	runRtcp(): Promise<void>;
};

const GCM_PROFILE = 7; // SRTP_AEAD_AES_128_GCM
/**
 * Retransmissions per viewer and second (burst as large). A viewer that cannot keep up NACKs more
 * and more; answering all of it would take the whole room down with it (a NACK storm).
 */
export const RESEND_PER_SECOND = 60;
/** The IV buffer shared by all outlets: createCipheriv copies it before it returns. */
const ivScratch = Buffer.allocUnsafeSlow(12);
const NTP_EPOCH_OFFSET_MS = 2_208_988_800_000;

/** NTP time (64-bit fixed point) for RTCP sender reports. */
export function ntpNow(): bigint {
	const ms = Date.now() + NTP_EPOCH_OFFSET_MS;
	const seconds = Math.floor(ms / 1000);
	return (BigInt(seconds) << 32n) | BigInt(Math.floor(((ms % 1000) / 1000) * 0x1_0000_0000));
}

export class RtpOutlet {
	readonly #sender: SenderInternals;
	#seqOffset = 0;
	#tsOffset = 0;
	#started = false;
	#rebaseStep = 0;
	#lastSeq = 0;
	#lastTs = 0;
	#lastSentAt = 0;
	/** The first viewer-side sequence number of the current source: older ones belong to another. */
	#segmentStart = 0;
	#pictureIdOffset = 0;
	#tl0Offset = 0;
	/** The last payload sent (a reference): its ids are read only when the source changes. */
	#lastPayload: Buffer | undefined;
	#rtxSeq = randomInt(0, 0xffff);
	#resendTokens = RESEND_PER_SECOND;
	#resendRefilledAt = Date.now();
	/** The native send path's state: the key of the SRTP context, the pair's address, the socket's state (its fd). */
	#native: NativeSend | undefined;
	#key: { for: SrtpLocalContext['cipher']; key: GcmKey } | undefined;
	#address: { for: IcePair['remoteCandidate']; address: SockAddr | null } | undefined;
	#socket: { for: Socket; state: DgramState | undefined } | undefined;

	constructor(
		readonly sender: RTCRtpSender,
		/** Video (VP8, 90 kHz): picture ids continue across a change of source too; else Opus (48 kHz). */
		private readonly vp8 = false,
		/** The native send path (native-srtp.ts); null for the JavaScript one. */
		native: NativeSend | null | undefined = nativeSend
	) {
		this.#sender = sender as unknown as SenderInternals;
		this.#native = native ?? undefined;
	}

	/** Which path writes this viewer's packets. */
	get path(): 'native' | 'javascript' {
		return this.#native ? 'native' : 'javascript';
	}

	/**
	 * The next packet starts a new source: continue numbering from the last one sent. Without a
	 * step, timestamps advance by the wall-clock time since the last packet (at least one frame at
	 * 30 per second, or one 20 ms audio frame: the new source's first frame is new; at most 10 s).
	 */
	rebase(timestampStep?: number) {
		if (!this.#started) return;
		const [clockRate, frameMs] = this.vp8 ? [90_000, 33] : [48_000, 20];
		const step =
			timestampStep ??
			Math.round((Math.min(Math.max(Date.now() - this.#lastSentAt, frameMs), 10_000) * clockRate) / 1000);
		this.#rebaseStep = Math.max(1, step);
	}

	/** The upstream sequence number of a viewer-side one (for NACK lookups), or undefined before the first send or before the current source. */
	upstreamSeqOf(outSeq: number): number | undefined {
		if (!this.#started || ((outSeq - this.#segmentStart) & 0xffff) > ((this.#lastSeq - this.#segmentStart) & 0xffff))
			return undefined;
		return (outSeq - this.#seqOffset) & 0xffff;
	}

	/** Sends one upstream packet; returns the bytes written (0 when the leg cannot carry media yet). */
	send(packet: ForwardPacket, ntp: bigint | undefined): number {
		const sender = this.#sender;
		const codec = sender.codec;
		const dtls = sender.dtlsTransport;
		if (sender.stopped || !codec || dtls?.state !== 'connected') return 0;
		const { sequenceNumber, timestamp, marker } = packet.header;
		let ids: Vp8Ids | undefined;
		if (!this.#started) {
			this.#started = true;
			this.#seqOffset = randomInt(0, 0xffff) - sequenceNumber;
			this.#tsOffset = randomInt(0, 0x7fffffff) - timestamp;
			this.#segmentStart = (sequenceNumber + this.#seqOffset) & 0xffff;
		} else if (this.#rebaseStep) {
			this.#seqOffset = this.#lastSeq + 1 - sequenceNumber;
			this.#tsOffset = this.#lastTs + this.#rebaseStep - timestamp;
			this.#segmentStart = (this.#lastSeq + 1) & 0xffff;
			this.#rebaseStep = 0;
			if (this.vp8) {
				ids = readVp8Ids(packet.payload);
				const last = this.#lastPayload && readVp8Ids(this.#lastPayload);
				// The next ids are the last ones the viewer got (with the old offsets), plus one.
				if (ids && last && ids.pictureId >= 0 && last.pictureId >= 0)
					this.#pictureIdOffset = last.pictureId + this.#pictureIdOffset + 1 - ids.pictureId;
				if (ids && last && ids.tl0PicIdx >= 0 && last.tl0PicIdx >= 0)
					this.#tl0Offset = last.tl0PicIdx + this.#tl0Offset + 1 - ids.tl0PicIdx;
			}
		}
		const seq = (sequenceNumber + this.#seqOffset) & 0xffff;
		const ts = (timestamp + this.#tsOffset) >>> 0;
		const newFrame = ts !== this.#lastTs;
		this.#lastSeq = seq;
		this.#lastTs = ts;
		this.#lastSentAt = Date.now();
		this.#lastPayload = packet.payload;
		let prefix: Buffer | undefined;
		// Until the first change of source nothing is read or copied per packet.
		if (this.vp8 && (this.#pictureIdOffset !== 0 || this.#tl0Offset !== 0)) {
			ids ??= readVp8Ids(packet.payload);
			if (ids) prefix = shiftedVp8Descriptor(packet.payload, ids, this.#pictureIdOffset, this.#tl0Offset);
		}
		const written = this.#write(dtls, codec.payloadType, marker, seq, ts, sender.ssrc, packet.payload, prefix);
		sender.packetCount = (sender.packetCount + 1) >>> 0;
		sender.octetCount = (sender.octetCount + packet.payload.length) >>> 0;
		if (newFrame && ntp !== undefined) {
			// The pair an RTCP sender report carries (lip sync between the camera and the microphone).
			sender.rtpTimestamp = ts;
			sender.ntpTimestamp = ntp;
		}
		if (!sender.rtcpRunning) void sender.runRtcp();
		return written;
	}

	/** Resends an upstream packet the viewer lost, as RTX when negotiated; 0 when over the budget. */
	resend(packet: ForwardPacket, outSeq: number): number {
		const sender = this.#sender;
		const dtls = sender.dtlsTransport;
		if (sender.stopped || !sender.codec || dtls?.state !== 'connected') return 0;
		const now = Date.now();
		this.#resendTokens = Math.min(
			RESEND_PER_SECOND,
			this.#resendTokens + ((now - this.#resendRefilledAt) * RESEND_PER_SECOND) / 1000
		);
		this.#resendRefilledAt = now;
		if (this.#resendTokens < 1) return 0;
		this.#resendTokens--;
		const ts = (packet.header.timestamp + this.#tsOffset) >>> 0;
		const ids =
			this.vp8 && (this.#pictureIdOffset !== 0 || this.#tl0Offset !== 0) ? readVp8Ids(packet.payload) : undefined;
		const prefix = ids ? shiftedVp8Descriptor(packet.payload, ids, this.#pictureIdOffset, this.#tl0Offset) : undefined;
		if (sender.rtxPayloadType === undefined)
			return this.#write(
				dtls,
				sender.codec.payloadType,
				packet.header.marker,
				outSeq,
				ts,
				sender.ssrc,
				packet.payload,
				prefix
			);
		const payload = Buffer.allocUnsafe(packet.payload.length + 2);
		payload.writeUInt16BE(outSeq, 0);
		packet.payload.copy(payload, 2);
		prefix?.copy(payload, 2);
		this.#rtxSeq = (this.#rtxSeq + 1) & 0xffff;
		return this.#write(dtls, sender.rtxPayloadType, packet.header.marker, this.#rtxSeq, ts, sender.rtxSsrc, payload);
	}

	/** Writes one packet; `prefix`, when given, replaces as many bytes at the start of `payload`. */
	#write(
		dtls: Dtls,
		payloadType: number,
		marker: boolean,
		seq: number,
		ts: number,
		ssrc: number,
		payload: Buffer,
		prefix?: Buffer
	): number {
		const context = dtls.srtp?.localContext;
		if (!context) return 0;
		const connection = dtls.iceTransport.connection;
		if (connection.canSendApplicationData && !connection.canSendApplicationData()) return 0;
		const pair = connection.nominated;
		const socket =
			pair?.protocol.type === 'stun' && !pair.protocol.transport?.closed ? pair.protocol.transport?.socket : undefined;
		if (context.profile !== GCM_PROFILE || !socket || !pair) {
			const whole = prefix ? Buffer.concat([prefix, payload.subarray(prefix.length)]) : payload;
			const encrypted = context.encryptRtp(
				whole,
				new RtpHeader({ payloadType, marker, sequenceNumber: seq, timestamp: ts, ssrc })
			);
			void connection.send(encrypted).catch(() => {});
			return encrypted.length;
		}
		const state = context.getSrtpSsrcState(ssrc);
		context.updateRolloverCount(seq, state);
		const size =
			this.#native !== undefined
				? this.#sendNative(
						this.#native,
						context,
						pair,
						socket,
						payloadType,
						marker,
						seq,
						ts,
						ssrc,
						state,
						payload,
						prefix
					)
				: undefined;
		if (size !== undefined) {
			if (size > 0) {
				dtls.bytesSent += size;
				dtls.packetsSent++;
			}
			return size;
		}
		return this.#sendJs(context, dtls, pair, socket, payloadType, marker, seq, ts, ssrc, state, payload, prefix);
	}

	/**
	 * One packet through the addon: the bytes written, 0 when the socket's buffer is full (dropped,
	 * as a congested network would), or undefined when this socket cannot take it (then the
	 * JavaScript path sends it, and every later packet of this outlet).
	 */
	#sendNative(
		native: NativeSend,
		context: SrtpLocalContext,
		pair: IcePair,
		socket: Socket,
		payloadType: number,
		marker: boolean,
		seq: number,
		ts: number,
		ssrc: number,
		state: SrtpState,
		payload: Buffer,
		prefix: Buffer | undefined
	): number | undefined {
		if (this.#key?.for !== context.cipher)
			this.#key = {
				for: context.cipher,
				// werift derives a 14-byte session salt; GCM uses its first 12 bytes (RFC 7714 section 12).
				key: native.gcmKey(context.cipher.srtpSessionKey, context.cipher.srtpSessionSalt.subarray(0, 12))
			};
		const candidate = pair.remoteCandidate;
		if (this.#address?.for !== candidate)
			this.#address = { for: candidate, address: native.sockaddr(candidate.host, candidate.port) };
		if (this.#socket?.for !== socket) this.#socket = { for: socket, state: dgramState(socket) };
		const fd = stateFd(this.#socket.state);
		const address = this.#address.address;
		if (fd < 0 || !address) return undefined;
		const written = native.send(
			fd,
			this.#key.key,
			(marker ? 0x80 : 0) | payloadType,
			seq,
			ts,
			ssrc,
			state.rolloverCounter >>> 0,
			payload,
			prefix ?? null,
			address
		);
		if (written >= 0) return written;
		if (written === -EAGAIN) return 0;
		this.#native = undefined;
		return undefined;
	}

	/** One packet through Node's crypto and dgram: a new cipher object per packet (Node cannot reuse one). */
	#sendJs(
		context: SrtpLocalContext,
		dtls: Dtls,
		pair: IcePair,
		socket: Socket,
		payloadType: number,
		marker: boolean,
		seq: number,
		ts: number,
		ssrc: number,
		state: SrtpState,
		payload: Buffer,
		prefix: Buffer | undefined
	): number {
		// A new header per packet: dgram reads the buffers after send() returns.
		const header = Buffer.allocUnsafe(12);
		header[0] = 0x80;
		header[1] = (marker ? 0x80 : 0) | payloadType;
		header.writeUInt16BE(seq, 2);
		header.writeUInt32BE(ts, 4);
		header.writeUInt32BE(ssrc, 8);
		// RFC 7714: IV = salt XOR (00 00 | SSRC | ROC | SEQ); the header is the AAD.
		const salt = context.cipher.srtpSessionSalt;
		const iv = ivScratch;
		iv.writeUInt16BE(0, 0);
		iv.writeUInt32BE(ssrc, 2);
		iv.writeUInt32BE(state.rolloverCounter >>> 0, 6);
		iv.writeUInt16BE(seq, 10);
		for (let i = 0; i < 12; i++) iv[i] ^= salt[i];
		const cipher = createCipheriv('aes-128-gcm', context.cipher.srtpSessionKey, iv);
		cipher.setAAD(header);
		const head = prefix ? cipher.update(prefix) : undefined;
		const encrypted = cipher.update(prefix ? payload.subarray(prefix.length) : payload);
		cipher.final();
		const tag = cipher.getAuthTag();
		socket.send(
			head ? [header, head, encrypted, tag] : [header, encrypted, tag],
			pair.remoteCandidate.port,
			pair.remoteCandidate.host
		);
		const size = 12 + (head?.length ?? 0) + encrypted.length + tag.length;
		dtls.bytesSent += size;
		dtls.packetsSent++;
		return size;
	}
}
