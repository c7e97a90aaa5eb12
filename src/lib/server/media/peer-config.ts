// werift peer connection settings for the two legs, and the SDP touches werift does not make itself.
import {
	RTCPeerConnection,
	RTCRtpCodecParameters,
	useFIR,
	useNACK,
	usePLI,
	useREMB,
	useSdesMid,
	useSdesRTPStreamId,
	type RTCPeerConnectionConfig
} from 'werift';
import { useNodeX25519 } from './node-x25519';
import type { PortCursor } from './port-cursor';

/** The part of AppConfig the SFU reads (MEDIA_*). */
export type MediaNetworkConfig = {
	MEDIA_LISTEN_IP: string;
	MEDIA_ANNOUNCED_IP?: string;
	MEDIA_PORT_MIN: number;
	MEDIA_PORT_MAX: number;
	/** This thread's port cursor over MEDIA_PORT_MIN–MAX (port-cursor.ts); without one werift searches from MIN. */
	portCursor?: PortCursor;
};

/** The start bitrate Chrome's send-side estimate begins with (kbit/s); it ramps up from there. */
const START_BITRATE_KBPS = 1500;

// Codec lists are built per peer connection: werift writes payload types into these objects.
function codecs() {
	return {
		audio: [
			new RTCRtpCodecParameters({
				mimeType: 'audio/opus',
				clockRate: 48000,
				channels: 2,
				payloadType: 111,
				parameters: 'minptime=10;useinbandfec=1'
			})
		],
		video: [
			new RTCRtpCodecParameters({
				mimeType: 'video/VP8',
				clockRate: 90000,
				payloadType: 96,
				rtcpFeedback: [useNACK(), usePLI(), useFIR(), useREMB()]
			}),
			new RTCRtpCodecParameters({ mimeType: 'video/rtx', clockRate: 90000, payloadType: 97, parameters: 'apt=96' })
		]
	};
}

/**
 * No server-reflexive gathering. werift 0.25 falls back to a public STUN server (a DNS lookup and a
 * packet off the machine) whenever none is configured, even with `iceServers: []`; naming an inert
 * loopback one with a zero gather wait keeps every packet on this host. The server needs no STUN:
 * MEDIA_ANNOUNCED_IP covers 1:1 NAT; browsers get MEDIA_ICE_SERVERS.
 */
export const NO_STUN: { iceServers: { urls: string }[]; iceStunGatherTimeout: number } = {
	iceServers: [{ urls: 'stun:127.0.0.1:9' }],
	iceStunGatherTimeout: 0
};

/** ICE restricted to MEDIA_LISTEN_IP when it names one address (tests: 127.0.0.1 only). */
function network(config: MediaNetworkConfig): RTCPeerConnectionConfig {
	const all = config.MEDIA_LISTEN_IP === '0.0.0.0' || config.MEDIA_LISTEN_IP === '::';
	const ipv6 = config.MEDIA_LISTEN_IP.includes(':');
	return {
		...NO_STUN,
		bundlePolicy: 'max-bundle',
		icePortRange: config.portCursor?.next() ?? [config.MEDIA_PORT_MIN, config.MEDIA_PORT_MAX],
		...(all
			? { iceUseIpv4: !ipv6, iceUseIpv6: ipv6 }
			: {
					iceUseIpv4: false,
					iceUseIpv6: false,
					iceAdditionalHostAddresses: [config.MEDIA_LISTEN_IP],
					iceInterfaceAddresses: ipv6 ? { udp6: config.MEDIA_LISTEN_IP } : { udp4: config.MEDIA_LISTEN_IP }
				})
	};
}

/**
 * The publishing leg receives. No transport-cc: werift's receive-side TWCC collapses Chrome's
 * bandwidth estimate, so Chrome falls back to its loss-based estimate (with a start bitrate).
 * The rid extension lets a browser send VP8 simulcast (one SSRC per rid, routed by werift).
 */
export function createPublisherConnection(config: MediaNetworkConfig): RTCPeerConnection {
	useNodeX25519();
	return new RTCPeerConnection({
		...network(config),
		codecs: codecs(),
		headerExtensions: { audio: [useSdesMid()], video: [useSdesMid(), useSdesRTPStreamId()] }
	});
}

/**
 * The subscribing leg sends, with plain 12-byte RTP headers (RtpOutlet): no header extensions are
 * negotiated, browsers demultiplex the bundle by the a=ssrc lines of the server's offer.
 */
export function createSubscriberConnection(config: MediaNetworkConfig): RTCPeerConnection {
	useNodeX25519();
	return new RTCPeerConnection({ ...network(config), codecs: codecs(), headerExtensions: { audio: [], video: [] } });
}

/** The local description as sent to the browser: announced address, start bitrate for VP8. */
export function finishLocalSdp(
	sdp: string,
	config: MediaNetworkConfig,
	{ startBitrate }: { startBitrate: boolean }
): string {
	let lines = sdp.split('\r\n');
	if (config.MEDIA_ANNOUNCED_IP) {
		const announced = config.MEDIA_ANNOUNCED_IP;
		lines = lines.map((line) => {
			const parts = line.split(' ');
			if (!line.startsWith('a=candidate:') || parts[7] !== 'host') return line;
			parts[4] = announced;
			return parts.join(' ');
		});
		lines = lines.filter((line, index) => !line.startsWith('a=candidate:') || lines.indexOf(line) === index);
	}
	if (startBitrate) {
		const out: string[] = [];
		for (const line of lines) {
			out.push(line);
			const vp8 = /^a=rtpmap:(\d+) VP8\/90000/i.exec(line);
			if (vp8 && !lines.some((l) => l.startsWith(`a=fmtp:${vp8[1]} `)))
				out.push(`a=fmtp:${vp8[1]} x-google-start-bitrate=${START_BITRATE_KBPS}`);
		}
		lines = out;
	}
	return lines.join('\r\n');
}
