// Before composing: every raw part as a finished file, or the reason it is left out. A node that
// dies while recording (SIGKILL on a cluster failover, a crash) leaves its parts unfinished: the
// header still claims 24 h and an open segment, there are no cues, the last block may be cut off,
// and a part opened just before the kill may hold its header only, a torn header, or no bytes. One
// such input makes the whole ffmpeg composition fail, so each part is remuxed on its own first
// (corrupt packets dropped, the container finished) and kept only when a packet of its kind is left.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecordedTrack } from '../../media/recording/sink';
import { run } from './ffmpeg';

export type PartProblem = 'missing' | 'empty' | 'unreadable' | 'no_media';
export type SkippedPart = { file: string; problem: PartProblem; detail?: string };
export type PreparedParts = { tracks: RecordedTrack[]; skipped: SkippedPart[] };

/** Copies the part's stream of its kind into `output` and counts the packets written (framecrc lines). */
async function remux(input: string, output: string, kind: RecordedTrack['kind']): Promise<number> {
	const stream = kind === 'video' ? '0:v:0' : '0:a:0';
	let packets = 0;
	const args = [
		'-hide_banner',
		'-nostdin',
		'-y',
		'-loglevel',
		'error',
		'-fflags',
		'+discardcorrupt',
		'-i',
		input,
		'-map',
		stream,
		'-c',
		'copy',
		'-f',
		'webm',
		output,
		'-map',
		stream,
		'-c',
		'copy',
		'-f',
		'framecrc',
		'pipe:1'
	];
	await run(args, (line) => {
		if (line.trim() && !line.startsWith('#')) packets++;
	});
	return packets;
}

/** ffmpeg's last word on a part it could not read (its warnings come first), without the path. */
function lastLine(error: unknown, input: string): string {
	const lines = (error instanceof Error ? error.message : String(error))
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean);
	return (lines.at(-1) ?? '').replace(`${input}: `, '').slice(0, 200);
}

/**
 * Repairs the parts listed in `dir` into `work` (named part-<n>.webm there). Returns the parts to
 * compose, by offset (nodes append to the manifest in the order their writers saw a first frame,
 * which is not always the order of time), their `file` now under `work`; and the ones left out, with why.
 */
export async function prepareParts(dir: string, work: string, listed: RecordedTrack[]): Promise<PreparedParts> {
	const tracks: RecordedTrack[] = [];
	const skipped: SkippedPart[] = [];
	for (const [n, track] of listed.entries()) {
		const input = join(dir, track.file);
		const size = await stat(input).then(
			(s) => s.size,
			() => undefined
		);
		if (size === undefined) {
			skipped.push({ file: track.file, problem: 'missing' });
			continue;
		}
		if (size === 0) {
			skipped.push({ file: track.file, problem: 'empty' });
			continue;
		}
		const file = `part-${String(n + 1).padStart(3, '0')}.webm`;
		try {
			const packets = await remux(input, join(work, file), track.kind);
			if (packets === 0) skipped.push({ file: track.file, problem: 'no_media' });
			else tracks.push({ ...track, file });
		} catch (error) {
			skipped.push({ file: track.file, problem: 'unreadable', detail: lastLine(error, input) });
		}
	}
	return { tracks: tracks.sort((a, b) => a.offsetMs - b.offsetMs), skipped };
}

/** One line for the log and the row's last_error: which parts were left out and why. */
export function describeSkipped(skipped: SkippedPart[]): string {
	return skipped.map((part) => `${part.file}: ${part.problem}${part.detail ? ` (${part.detail})` : ''}`).join('; ');
}
