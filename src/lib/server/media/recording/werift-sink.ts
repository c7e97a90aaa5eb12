// Records a werift room: each incoming publisher track goes into its own WebM file through werift's
// MediaRecorder (RTP → jitter buffer → depacketiser → Matroska), on the main thread, fed by the
// room's ingest tap. A publisher who republishes (reload, device switch) starts a new file.
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MediaStreamTrack, RtpPacket } from 'werift';
import { MediaRecorder } from 'werift/nonstandard';
import type { IngestTrack, MediaRoom } from '../backend';
import { isVp8KeyframeStart } from '../vp8';
import { TRACKS_MANIFEST, type RecordedTrack, type RecordingSink } from './sink';

/** How long a stop waits for a writer that has not opened its file yet. */
const STOP_WAIT_MS = 3000;

type Logger = { warn(context: object, message: string): void };
type Writer = { recorder: MediaRecorder; opened: Promise<void>; dispose: () => void };

/** `startedAt`: the recording's start (earlier than now when a restarted node resumes it). */
export function startWeriftRecording(
	room: MediaRoom,
	recordingId: string,
	dir: string,
	logger: Logger,
	startedAt = Date.now()
): RecordingSink {
	if (!room.tapIngest) throw new Error('this media backend cannot be tapped for recording');
	// Files of a resumed recording must not overwrite the ones written before the restart.
	const prefix = Date.now().toString(36);
	const writers = new Map<string, Writer>();
	let files = 0;
	let manifest = Promise.resolve();
	const note = (entry: RecordedTrack) => {
		manifest = manifest
			.then(() => appendFile(join(dir, TRACKS_MANIFEST), `${JSON.stringify(entry)}\n`))
			.catch((error) => logger.warn({ err: error, recordingId }, 'recording: manifest write failed'));
	};

	const onIngest = (ingest: IngestTrack) => {
		const track = ingest.track as MediaStreamTrack;
		const key = `${ingest.source}~${ingest.peerId}`;
		const previous = writers.get(key);
		if (previous) void finish(previous);
		const file = `${prefix}-${String(++files).padStart(3, '0')}-${ingest.source}.webm`;
		const recorder = new MediaRecorder({
			path: join(dir, file),
			numOfTracks: 1,
			disableNtp: true,
			disableLipSync: true,
			width: 1280,
			height: 720
		});
		const video = track.kind === 'video';
		let first: { unSubscribe: () => void } | undefined;
		let closed = false;
		// The writer listens to the track only once werift has opened its file (asynchronously): the
		// first keyframe below must be one it receives too. Before, a keyframe could come in between,
		// listed in the manifest but never written, and the part held no frame until the next one
		// (a browser sends keyframes only when asked): a part without media, which ffmpeg refuses.
		const opened = recorder.addTrack(track).then(
			() => {
				if (closed) return;
				// The file's time 0 is its first frame: for video the first keyframe, which we ask for until
				// it comes (a track that has not sent yet has no SSRC to ask; the room spaces the requests).
				first = track.onReceiveRtp.subscribe((rtp: RtpPacket) => {
					if (video && !isVp8KeyframeStart(rtp.payload)) return ingest.requestKeyframe();
					first?.unSubscribe();
					note({
						file,
						publisherId: ingest.peerId,
						source: ingest.source,
						kind: video ? 'video' : 'audio',
						offsetMs: Date.now() - startedAt
					});
				});
				if (video) ingest.requestKeyframe();
			},
			(error) => logger.warn({ err: error, recordingId, file }, 'recording: writer failed')
		);
		writers.set(key, {
			recorder,
			opened,
			dispose: () => {
				closed = true;
				first?.unSubscribe();
			}
		});
	};

	async function finish(writer: Writer) {
		writer.dispose();
		// A track that never sent a packet never opens its writer: stopping must not wait for it.
		const gaveUp = Symbol('gave up');
		const outcome = await Promise.race([
			writer.opened.then(() => undefined),
			new Promise<symbol>((resolve) => setTimeout(() => resolve(gaveUp), STOP_WAIT_MS).unref?.())
		]);
		if (outcome === gaveUp)
			return void logger.warn({ recordingId }, 'recording: a writer never opened (its track sent nothing); left out');
		await writer.recorder.stop().catch(() => {});
	}

	const untap = room.tapIngest(onIngest);
	return {
		recordingId,
		async stop() {
			untap();
			await Promise.all([...writers.values()].map(finish));
			writers.clear();
			await manifest;
		}
	};
}
