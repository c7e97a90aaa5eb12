// Turns the .mjr files Janus's VideoRoom wrote into a recording's folder into the per-track files
// and `tracks.jsonl` entries the processing job reads (the werift sink's format), with janus-pp-rec
// (Debian's janus-tools). Idempotent: a file already listed is not converted again, so a sink that
// resumes after a crash converts what the crashed one left (its sidecars say whose files they are).
import { execFile } from 'node:child_process';
import { appendFile, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { MediaSource } from '../backend';
import { parseTracksManifest, TRACKS_MANIFEST, type RecordedTrack } from '../recording/sink';

const run = promisify(execFile);
export const SIDECAR_SUFFIX = '.janus.json';
/** Which publisher a file set belongs to and the source of each m-line index (null: not recorded). */
export type JanusSidecar = { publisherId: string; sources: Array<MediaSource | null> };

/** Janus names a publisher's files `<filename>-<audio|video>-<m-line index>.mjr`. */
const MJR = /^(.+)-(audio|video)-(\d+)\.mjr$/;

/** The .mjr header: `u` is when its first packet was written (µs since the epoch), `s` when the file was. */
async function firstPacketMs(path: string): Promise<number | undefined> {
	const { stdout } = await run('janus-pp-rec', ['-j', path]);
	const header = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { u?: number; s?: number };
	const at = header.u || header.s;
	return typeof at === 'number' && at > 0 ? Math.round(at / 1000) : undefined;
}

async function readSidecar(dir: string, base: string): Promise<JanusSidecar | undefined> {
	try {
		return JSON.parse(await readFile(join(dir, `${base}${SIDECAR_SUFFIX}`), 'utf8')) as JanusSidecar;
	} catch {
		return undefined;
	}
}

export async function convertJanusRecordings(
	dir: string,
	startedAt: number,
	logger: { warn(context: object, message: string): void },
	recordingId: string
): Promise<void> {
	const listed = new Set(
		parseTracksManifest(await readFile(join(dir, TRACKS_MANIFEST), 'utf8').catch(() => '')).map((t) => t.file)
	);
	for (const name of (await readdir(dir).catch(() => [] as string[])).sort()) {
		const match = MJR.exec(name);
		if (!match) continue;
		const [, base, kind, index] = match as unknown as [string, string, 'audio' | 'video', string];
		const file = `${base}-${kind}-${index}.${kind === 'video' ? 'webm' : 'opus'}`;
		const sidecar = await readSidecar(dir, base);
		const source = sidecar?.sources[Number(index)];
		if (!sidecar || !source || listed.has(file)) continue;
		try {
			const first = await firstPacketMs(join(dir, name));
			if (first === undefined) continue; // no packet ever reached the file
			await run('janus-pp-rec', ['-o', '-d', '2', join(dir, name), join(dir, file)]);
			const entry: RecordedTrack = {
				file,
				publisherId: sidecar.publisherId,
				source,
				kind,
				offsetMs: Math.max(0, first - startedAt)
			};
			await appendFile(join(dir, TRACKS_MANIFEST), `${JSON.stringify(entry)}\n`);
			await rm(join(dir, name), { force: true });
		} catch (error) {
			// A torn .mjr (Janus killed mid-write) is left out; the processing job keeps the rest.
			logger.warn({ err: error, recordingId, file: name }, 'recording: janus-pp-rec could not convert a file');
		}
	}
}
