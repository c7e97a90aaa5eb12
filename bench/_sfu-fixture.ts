// The benchmark's publisher stream: RTP recorded once from Chromium's fake camera and microphone
// through the SFU (`npm run bench -- sfu --record`), then replayed in a loop by a werift peer with
// continuous sequence numbers and timestamps; a keyframe request makes the replay jump back to the
// recording's first frame, which is a keyframe.
import { readFileSync, writeFileSync } from 'node:fs';

export const FIXTURE_PATH = new URL('./fixtures/sfu-camera.rtp', import.meta.url).pathname;

export type RecordedPacket = {
	at: number;
	kind: 'audio' | 'video';
	marker: boolean;
	timestamp: number;
	sequenceNumber: number;
	payload: Buffer;
};

const HEADER = 14;

/** [u32 ms since start][u8 kind][u8 marker][u32 rtp timestamp][u16 seq][u16 length][payload] per packet. */
export function writeFixture(packets: RecordedPacket[], path = FIXTURE_PATH) {
	const parts = packets.map((p) => {
		const head = Buffer.alloc(HEADER);
		head.writeUInt32BE(p.at, 0);
		head.writeUInt8(p.kind === 'video' ? 1 : 0, 4);
		head.writeUInt8(p.marker ? 1 : 0, 5);
		head.writeUInt32BE(p.timestamp, 6);
		head.writeUInt16BE(p.sequenceNumber, 10);
		head.writeUInt16BE(p.payload.length, 12);
		return Buffer.concat([head, p.payload]);
	});
	writeFileSync(path, Buffer.concat(parts));
}

export function readFixture(path = FIXTURE_PATH): RecordedPacket[] {
	const data = readFileSync(path);
	const packets: RecordedPacket[] = [];
	for (let offset = 0; offset + HEADER <= data.length;) {
		const length = data.readUInt16BE(offset + 12);
		packets.push({
			at: data.readUInt32BE(offset),
			kind: data.readUInt8(offset + 4) === 1 ? 'video' : 'audio',
			marker: data.readUInt8(offset + 5) === 1,
			timestamp: data.readUInt32BE(offset + 6),
			sequenceNumber: data.readUInt16BE(offset + 10),
			payload: data.subarray(offset + HEADER, offset + HEADER + length)
		});
		offset += HEADER + length;
	}
	return withoutStalls(packets);
}

/**
 * The recording up to its first stall: a video frame more than 250 ms (RTP time) after the previous
 * one would be a freeze at every loop of the replay, so the loop ends before it.
 */
export function withoutStalls(packets: RecordedPacket[]): RecordedPacket[] {
	let previous: number | undefined;
	for (let index = 0; index < packets.length; index++) {
		const packet = packets[index];
		if (packet.kind !== 'video' || packet.timestamp === previous) continue;
		if (previous !== undefined && (packet.timestamp - previous) >>> 0 > 250 * 90) return packets.slice(0, index);
		previous = packet.timestamp;
	}
	return packets;
}

/** Video bitrate, packet rates and duration of a recording, for the report. */
export function describeFixture(packets: RecordedPacket[]) {
	const duration = (packets.at(-1)?.at ?? 0) / 1000;
	const video = packets.filter((p) => p.kind === 'video');
	const audio = packets.filter((p) => p.kind === 'audio');
	const bytes = video.reduce((sum, p) => sum + p.payload.length, 0);
	return {
		durationSeconds: Number(duration.toFixed(2)),
		videoKbps: Math.round((bytes * 8) / duration / 1000),
		videoPacketsPerSecond: Math.round(video.length / duration),
		audioPacketsPerSecond: Math.round(audio.length / duration)
	};
}
