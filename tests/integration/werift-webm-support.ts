// Raw recording parts exactly as the werift sink writes them, and as a killed node leaves them: real
// VP8 and Opus frames (encoded by ffmpeg) sent as RTP into werift's MediaRecorder, the writer the
// sink uses. A SIGKILLed node's part is what the recorder had appended when the process died: the
// header still claiming 24 h and an open segment, no cues, maybe a block cut off mid-write.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MediaStreamTrack, RTCRtpCodecParameters, RtpHeader, RtpPacket } from 'werift';
import { MediaRecorder } from 'werift/nonstandard';

export type Frame = { data: Buffer; timestamp: number };

const ffmpeg = (args: string[]) => execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);

/** VP8 frames of an IVF file, with RTP timestamps at 90 kHz. */
function ivfFrames(ivf: Buffer): Frame[] {
	const frames: Frame[] = [];
	const [rate, scale] = [ivf.readUInt32LE(16), ivf.readUInt32LE(20)];
	for (let at = ivf.readUInt16LE(6); at + 12 <= ivf.length;) {
		const size = ivf.readUInt32LE(at);
		const pts = Number(ivf.readBigUInt64LE(at + 4));
		frames.push({ data: ivf.subarray(at + 12, at + 12 + size), timestamp: Math.round((pts * scale * 90_000) / rate) });
		at += 12 + size;
	}
	return frames;
}

/** Opus packets of an Ogg file (the two header packets skipped), 20 ms each at 48 kHz. */
function oggOpusPackets(ogg: Buffer): Frame[] {
	const packets: Buffer[] = [];
	let pending: Buffer[] = [];
	for (let at = 0; at + 27 <= ogg.length;) {
		const segments = ogg[at + 26]!;
		let data = at + 27 + segments;
		for (let i = 0; i < segments; i++) {
			const lace = ogg[at + 27 + i]!;
			pending.push(ogg.subarray(data, data + lace));
			data += lace;
			if (lace < 255) {
				packets.push(Buffer.concat(pending));
				pending = [];
			}
		}
		at = data;
	}
	return packets.slice(2).map((data, i) => ({ data, timestamp: i * 960 }));
}

/** `seconds` of encoded media of one kind. */
export function encodedFrames(kind: 'audio' | 'video', seconds: number): Frame[] {
	const out = join(tmpdir(), `mc-frames-${process.pid}-${Date.now()}.${kind === 'video' ? 'ivf' : 'ogg'}`);
	if (kind === 'video')
		ffmpeg([
			'-f',
			'lavfi',
			'-i',
			`testsrc2=size=320x240:rate=15:duration=${seconds}`,
			'-c:v',
			'libvpx',
			'-deadline',
			'realtime',
			'-cpu-used',
			'8',
			'-g',
			'15',
			'-f',
			'ivf',
			out
		]);
	else
		ffmpeg([
			'-f',
			'lavfi',
			'-i',
			`sine=frequency=440:sample_rate=48000:duration=${seconds}`,
			'-c:a',
			'libopus',
			'-frame_duration',
			'20',
			'-f',
			'ogg',
			out
		]);
	const bytes = readFileSync(out);
	rmSync(out, { force: true });
	return kind === 'video' ? ivfFrames(bytes) : oggOpusPackets(bytes);
}

/** RTP packets of frames: VP8 split at 1000 bytes with its payload descriptor (RFC 7741), Opus one per packet. */
export function packetize(kind: 'audio' | 'video', frames: Frame[], firstSequenceNumber = 100): RtpPacket[] {
	const packets: RtpPacket[] = [];
	let sequenceNumber = firstSequenceNumber;
	const ssrc = kind === 'video' ? 1111 : 2222;
	const payloadType = kind === 'video' ? 96 : 111;
	for (const frame of frames) {
		const chunks =
			kind === 'audio'
				? [frame.data]
				: Array.from({ length: Math.ceil(frame.data.length / 1000) }, (_, i) =>
						frame.data.subarray(i * 1000, (i + 1) * 1000)
					);
		chunks.forEach((chunk, i) => {
			const payload = kind === 'audio' ? chunk : Buffer.concat([Buffer.from([i === 0 ? 0x10 : 0x00]), chunk]);
			const marker = kind === 'audio' || i === chunks.length - 1;
			packets.push(
				new RtpPacket(
					new RtpHeader({
						payloadType,
						sequenceNumber: sequenceNumber++ & 0xffff,
						timestamp: frame.timestamp,
						marker,
						ssrc
					}),
					payload
				)
			);
		});
	}
	return packets;
}

export const isVp8Keyframe = (frame: Frame) => (frame.data[0]! & 0x01) === 0;

export const videoCodec = () =>
	new RTCRtpCodecParameters({ mimeType: 'video/VP8', clockRate: 90_000, payloadType: 96 });

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function untilStable(path: string): Promise<void> {
	let last = -1;
	for (let i = 0; i < 100; i++) {
		const size = await stat(path).then(
			(s) => s.size,
			() => 0
		);
		if (size === last && size > 0) return;
		last = size;
		await settle(50);
	}
}

/**
 * Writes a part of `seconds` with werift's MediaRecorder, as the sink does. `killed`: the file is
 * what a SIGKILL leaves (copied while the recorder still runs: no cues, no final header); with
 * `frames: 0` a part whose writer was opened and never received a frame (its header only).
 */
export async function writeWeriftPart(
	path: string,
	kind: 'audio' | 'video',
	seconds: number,
	options: { killed?: boolean; frames?: number } = {}
): Promise<void> {
	const codec =
		kind === 'video'
			? videoCodec()
			: new RTCRtpCodecParameters({ mimeType: 'audio/opus', clockRate: 48_000, channels: 2, payloadType: 111 });
	const track = new MediaStreamTrack({ kind, codec });
	const scratch = await mkdtemp(join(tmpdir(), 'mc-werift-part-'));
	const live = join(scratch, `live-${kind}.webm`);
	const recorder = new MediaRecorder({
		path: live,
		tracks: [track],
		disableNtp: true,
		disableLipSync: true,
		width: 1280,
		height: 720
	});
	try {
		await untilStable(live); // the header
		const frames = encodedFrames(kind, seconds).slice(0, options.frames ?? Infinity);
		for (const packet of packetize(kind, frames)) track.onReceiveRtp.execute(packet);
		await settle(300);
		await untilStable(live);
		if (options.killed) {
			await copyFile(live, path);
			// The copy is the part; a recorder that never got a frame waits 5 s for an end that never comes.
			await Promise.race([recorder.stop(), settle(500)]);
		} else {
			await recorder.stop();
			await copyFile(live, path);
		}
	} finally {
		await rm(scratch, { recursive: true, force: true });
	}
}

/** Cuts a file to its first `bytes` (a write torn by the kill). */
export async function truncateTo(path: string, bytes: number): Promise<void> {
	await writeFile(path, (await readFile(path)).subarray(0, Math.max(0, bytes)));
}
