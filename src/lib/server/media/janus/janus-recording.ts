// Records a Janus room with the VideoRoom's own recorder (issue #14): every publisher of the room is
// configured with `record: true` and a filename in the recording's folder, so Janus writes one .mjr
// per m-line. Janus writes them on its machine: its files land in the portal's folder only when both
// see the same path (one machine, or a shared volume; see README). On stop the .mjr files become the
// per-track files and the `tracks.jsonl` the processing job reads (convert.ts, with janus-pp-rec).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MediaSource } from '../backend';
import type { RecordingSink } from '../recording/sink';
import type { MediaLogger } from '../werift-room';
import { convertJanusRecordings, SIDECAR_SUFFIX, type JanusSidecar } from './janus-recording-convert';

/** What the sink needs of one publisher: its handle and which source each m-line (by index) carries. */
export type RecordablePublisher = {
	peerId: string;
	handleId: number;
	/** Mids of the publisher's offer in m-line order (Janus names its files by m-line index). */
	mids: string[];
	sources: Record<string, MediaSource>;
};

export type JanusRecordingHost = {
	publishers(): RecordablePublisher[];
	/** Calls `listener` for each publisher that joins from now on (late joiners, republishers). */
	onPublisher(listener: (publisher: RecordablePublisher) => void): () => void;
	/** A VideoRoom `configure` on a publisher handle. */
	configure(handleId: number, body: Record<string, unknown>): Promise<void>;
};

export function startJanusRecording(
	host: JanusRecordingHost,
	recordingId: string,
	dir: string,
	logger: MediaLogger,
	startedAt = Date.now()
): RecordingSink {
	// Files of a resumed recording must not overwrite the ones written before the restart.
	const prefix = Date.now().toString(36);
	let files = 0;
	const recording = new Map<number, Promise<void>>();

	const record = (publisher: RecordablePublisher) => {
		if (recording.has(publisher.handleId)) return;
		const base = `${prefix}-${String(++files).padStart(3, '0')}`;
		const sidecar: JanusSidecar = {
			publisherId: publisher.peerId,
			sources: publisher.mids.map((mid) => publisher.sources[mid] ?? null)
		};
		// The sidecar first: files Janus writes are only ever converted with it (also after a crash).
		const started = writeFile(join(dir, `${base}${SIDECAR_SUFFIX}`), JSON.stringify(sidecar))
			.then(() => host.configure(publisher.handleId, { request: 'configure', record: true, filename: join(dir, base) }))
			.catch((error) => logger.warn({ err: error, recordingId, peerId: publisher.peerId }, 'recording: Janus refused'));
		recording.set(publisher.handleId, started);
	};

	for (const publisher of host.publishers()) record(publisher);
	const unlisten = host.onPublisher(record);
	let stopped: Promise<void> | undefined;
	return {
		recordingId,
		stop() {
			// Stopping twice waits for the same work.
			stopped ??= (async () => {
				unlisten();
				await Promise.all(
					[...recording].map(async ([handleId, started]) => {
						await started;
						// A handle that left has had its files closed by Janus already.
						await host.configure(handleId, { request: 'configure', record: false }).catch(() => {});
					})
				);
				await convertJanusRecordings(dir, startedAt, logger, recordingId);
			})();
			return stopped;
		}
	};
}
