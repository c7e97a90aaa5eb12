// The processing job: raw tracks → repaired parts (parts.ts) → one replay file (compose.ts), with
// progress for the team and the job's lease kept alive while ffmpeg runs. Idempotent: a job whose
// worker died is claimed again and starts over from the raw tracks; a recording deleted meanwhile
// leaves nothing behind. Parts without media (a node killed mid-write) are left out, the rest kept;
// only when no listed part has media does the recording fail at once, with the reason for the team.
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { JobContext } from '../../jobs/runner';
import { convertJanusRecordings } from '../../media/janus/janus-recording-convert';
import { parseTracksManifest, TRACKS_MANIFEST } from '../../media/recording/sink';
import { composeArgs, outputFormat, progressFrom } from './compose';
import { rawPrefix, replayKey, type RecordingDeps } from './deps';
import { failureText } from './failure';
import { listEncoders, run } from './ffmpeg';
import { describeSkipped, prepareParts } from './parts';
import * as recordingRepository from './repository';

const payload = z.object({ recordingId: z.uuid() });
const LEASE_MS = 5 * 60_000;
const PROGRESS_EVERY_MS = 1000;

export async function processRecording(deps: RecordingDeps, { db, job, logger }: JobContext): Promise<void> {
	const { recordingId } = payload.parse(job.payload);
	const row = await recordingRepository.findRecording(db, recordingId);
	if (!row || row.status !== 'processing' || !row.stopped_at) return;
	try {
		const raw = await deps.store.workDir(rawPrefix(recordingId));
		// Janus's .mjr files a sink never converted (its node died before the stop); none on werift.
		await convertJanusRecordings(raw, row.started_at.getTime(), logger ?? { warn: () => {} }, recordingId);
		const listed = parseTracksManifest(await readFile(join(raw, TRACKS_MANIFEST), 'utf8').catch(() => ''));
		const durationMs = Math.max(1000, row.stopped_at.getTime() - row.started_at.getTime());
		const work = await deps.store.workDir(`${recordingId}/work`);
		const { tracks, skipped } = await prepareParts(raw, work, listed);
		if (skipped.length > 0)
			logger?.warn(
				{ recordingId, skipped: describeSkipped(skipped) },
				'recording: parts without media left out of the replay'
			);
		if (listed.length > 0 && tracks.length === 0) {
			// Another attempt would find the same files. The raw parts stay for an operator (retention removes them).
			await recordingRepository.markFailed(db, recordingId, failureText('no_media', describeSkipped(skipped)));
			await rm(work, { recursive: true, force: true });
			return;
		}
		const format = outputFormat(await listEncoders());
		const output = join(work, `replay.${format.ext}`);
		let lastWrite = 0;
		await run(composeArgs({ dir: work, tracks, durationMs, output, format }), (line) => {
			const progress = progressFrom(line, durationMs);
			if (progress === undefined || Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
			lastWrite = Date.now();
			void recordingRepository.setProgress(db, recordingId, progress).catch(() => {});
			if (job.locked_by)
				void recordingRepository
					.extendJobLease(db, job.id, job.locked_by, new Date(Date.now() + LEASE_MS))
					.catch(() => {});
		});
		const { size } = await stat(output);
		const key = replayKey(recordingId, format.ext);
		await deps.store.putFile(key, output);
		const done = await recordingRepository.markReady(
			db,
			recordingId,
			{ storageKey: key, mimeType: format.mimeType, sizeBytes: size, durationMs },
			new Date()
		);
		if (Number(done.numUpdatedRows) === 0) {
			await deps.store.removePrefix(recordingId); // deleted while we worked: leave no bytes behind
			return;
		}
		// The raw tracks are not kept: the replay is the recording from now on.
		await deps.store.removePrefix(rawPrefix(recordingId));
		await rm(work, { recursive: true, force: true });
	} catch (error) {
		if (job.attempts >= job.max_attempts)
			await recordingRepository.markFailed(
				db,
				recordingId,
				failureText('processing', error instanceof Error ? error.message : String(error))
			);
		throw error;
	}
}
