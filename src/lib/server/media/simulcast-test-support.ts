// Test support for the media specs: VP8 packets with a payload descriptor, a werift sender stand-in,
// and one whose SRTP "encryption" records what the RtpOutlet would put on the wire.
import type { RTCRtpSender } from 'werift';
import type { ForwardPacket } from './rtp-outlet';

/** A VP8 packet with a 15-bit picture id, TL0PICIDX and TID byte; its last byte names `tag`. */
export function vp8Packet(
	seq: number,
	ts: number,
	pictureId: number,
	tl0: number,
	keyframe: boolean,
	tag = 0,
	start = true
): ForwardPacket {
	const payload = Buffer.from([
		start ? 0x90 : 0x80,
		0xe0,
		0x80 | (pictureId >> 8),
		pictureId & 0xff,
		tl0,
		0x00,
		keyframe ? 0x00 : 0x01,
		tag
	]);
	return { header: { sequenceNumber: seq, timestamp: ts, marker: true }, payload };
}

export type Wire = { seq: number; ts: number; ssrc: number; payloadType: number; payload: Buffer };

type Listener = (value: never) => void;
function event() {
	const listeners = new Set<Listener>();
	return {
		listeners,
		subscribe: (listener: Listener) => {
			listeners.add(listener);
			return { unSubscribe: () => listeners.delete(listener) };
		},
		emit: (value: unknown) => listeners.forEach((listener) => listener(value as never))
	};
}

/** A werift RTCRtpSender stand-in: the fields RtpOutlet and ForwardedTrack read, over `dtlsTransport`. */
export function senderStub(ssrc: number, dtlsTransport: object) {
	const rtcp = event();
	const pli = event();
	const nack = event();
	const sender = {
		ssrc,
		rtxSsrc: ssrc + 1,
		codec: { payloadType: 96 },
		stopped: false,
		packetCount: 0,
		octetCount: 0,
		ntpTimestamp: 0n,
		rtpTimestamp: 0,
		rtcpRunning: true,
		runRtcp: async () => {},
		dtlsTransport: { state: 'connected', bytesSent: 0, packetsSent: 0, ...dtlsTransport },
		onRtcp: rtcp,
		onPictureLossIndication: pli,
		onGenericNack: nack
	};
	return { sender: sender as unknown as RTCRtpSender, rtcp, pli, nack };
}

/** A sender whose SRTP "encryption" records what the RtpOutlet would put on the wire. */
export function fakeSender(ssrc = 1111) {
	const wire: Wire[] = [];
	const stub = senderStub(ssrc, {
		srtp: {
			localContext: {
				profile: 1, // not AES-GCM: the RtpOutlet hands werift the whole packet
				encryptRtp(
					payload: Buffer,
					header: { sequenceNumber: number; timestamp: number; ssrc: number; payloadType: number }
				) {
					wire.push({
						seq: header.sequenceNumber,
						ts: header.timestamp,
						ssrc: header.ssrc,
						payloadType: header.payloadType,
						payload: Buffer.from(payload)
					});
					return payload;
				}
			}
		},
		iceTransport: { connection: { send: async () => {} } }
	});
	return { ...stub, wire };
}

/** The picture id and TL0PICIDX of a packet written by vp8Packet. */
export const idsOf = (payload: Buffer) => ({
	pictureId: ((payload[2] & 0x7f) << 8) | payload[3],
	tl0: payload[4],
	tag: payload[7]
});
