// Records the benchmark's publisher fixture: Chromium's fake camera (1280x720, capped at 1.5 Mbps)
// and microphone, published through an in-process SFU room and captured by a werift viewer that
// joins after a warm-up (so the recording starts on the keyframe its join asks for).
import { RTCPeerConnection } from 'werift';
import { createMediaBackend } from '../src/lib/server/media/werift-backend';
import { isVp8KeyframeStart } from '../src/lib/server/media/vp8';
import { roomTransport, startBrowserHarness } from './_sfu-browser';
import { describeFixture, withoutStalls, writeFixture, type RecordedPacket } from './_sfu-fixture';
import { writeTestVideo } from './_sfu-y4m';
import { NO_STUN } from '../src/lib/server/media/peer-config';

const WARM_UP_MS = 12_000;
const LENGTH_MS = 10_000;
const MAX_BITRATE = 1_500_000;

export async function recordFixture() {
	const backend = createMediaBackend(
		{ MEDIA_LISTEN_IP: '127.0.0.1', MEDIA_PORT_MIN: 46000, MEDIA_PORT_MAX: 46999, MEDIA_ICE_SERVERS: [] },
		{ warn: () => {}, debug: () => {} }
	);
	const room = backend.room('record');
	// Chromium's own test pattern compresses to a few hundred kbit/s; textured motion fills 1.5 Mbps.
	const harness = await startBrowserHarness({ videoFile: writeTestVideo('/tmp/media-sfu-camera.y4m') });
	try {
		const publisher = await harness.open('camera', roomTransport(room, 'camera'));
		// Cap the encoder like a real speaker's uplink would be (the bench wants ~1.5 Mbps).
		await publisher.page.evaluate((maxBitrate) => {
			// In the page: the browser's RTCPeerConnection (not werift's, imported above for the recorder).
			const prototype = (
				globalThis as unknown as {
					RTCPeerConnection: {
						prototype: { addTransceiver: (track: { kind: string } | string, init?: object) => unknown };
					};
				}
			).RTCPeerConnection.prototype;
			const add = prototype.addTransceiver;
			prototype.addTransceiver = function (track: { kind: string } | string, init?: object) {
				const kind = typeof track === 'string' ? track : track.kind;
				return add.call(this, track, kind === 'video' ? { ...init, sendEncodings: [{ maxBitrate }] } : init);
			};
		}, MAX_BITRATE);
		await publisher.publishCamera();
		await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));

		const pc = new RTCPeerConnection({
			...NO_STUN,
			bundlePolicy: 'max-bundle',
			iceUseIpv4: false,
			iceUseIpv6: false,
			iceAdditionalHostAddresses: ['127.0.0.1'],
			iceInterfaceAddresses: { udp4: '127.0.0.1' }
		});
		const packets: RecordedPacket[] = [];
		let startedAt: number | undefined;
		pc.ontrack = ({ track }) => {
			track.onReceiveRtp.subscribe((rtp) => {
				const kind = track.kind as 'audio' | 'video';
				if (startedAt === undefined) {
					if (kind !== 'video' || !isVp8KeyframeStart(rtp.payload)) return;
					startedAt = Date.now();
				}
				const at = Date.now() - startedAt;
				if (at > LENGTH_MS) return;
				packets.push({
					at,
					kind,
					marker: rtp.header.marker,
					timestamp: rtp.header.timestamp,
					sequenceNumber: rtp.header.sequenceNumber,
					payload: Buffer.from(rtp.payload)
				});
			});
		};
		const offer = await room.subscribe('recorder');
		if (!offer) throw new Error('Nothing to record: nobody publishes');
		await pc.setRemoteDescription(offer);
		await pc.setLocalDescription(await pc.createAnswer());
		await room.setAnswer('recorder', { type: 'answer', sdp: pc.localDescription!.sdp });
		await new Promise((resolve) => setTimeout(resolve, LENGTH_MS + 3_000));
		await pc.close();
		if (!startedAt || packets.length === 0) throw new Error('Nothing was recorded');
		// Packets arrive in network order; replay in that order, by arrival time.
		writeFixture(packets);
		return describeFixture(withoutStalls(packets));
	} finally {
		await harness.close();
		await backend.close();
	}
}
