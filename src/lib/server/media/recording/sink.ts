// The contract between a live room and what records it: a sink writes each published track, as it
// arrives, into a working directory, and lists in `tracks.jsonl` which file holds what from when.
import type { MediaSource } from '../backend';

/** One line of `tracks.jsonl`: a file holding one source of one publisher from `offsetMs` on. */
export type RecordedTrack = {
	file: string;
	publisherId: string;
	source: MediaSource;
	kind: 'audio' | 'video';
	/** Milliseconds from the start of the recording to the first frame in the file. */
	offsetMs: number;
};

export const TRACKS_MANIFEST = 'tracks.jsonl';

export interface RecordingSink {
	readonly recordingId: string;
	/** Finishes every file (waits for the writers to close them) and detaches from the room. */
	stop(): Promise<void>;
}

function parseEntry(text: string): RecordedTrack | undefined {
	try {
		const value = JSON.parse(text) as Partial<RecordedTrack>;
		if (
			typeof value.file === 'string' &&
			/^[A-Za-z0-9_.-]+$/.test(value.file) &&
			typeof value.offsetMs === 'number' &&
			(value.kind === 'audio' || value.kind === 'video') &&
			typeof value.source === 'string' &&
			typeof value.publisherId === 'string'
		)
			return value as RecordedTrack;
	} catch {
		return undefined;
	}
}

/**
 * Parses `tracks.jsonl`, skipping torn entries (a crash while appending). On a cluster the node
 * that takes over appends right after a killed node's torn entry, on the same line: the entry that
 * starts last on such a line (entries hold no nested objects) still counts.
 */
export function parseTracksManifest(text: string): RecordedTrack[] {
	const tracks: RecordedTrack[] = [];
	for (const line of text.split('\n')) {
		if (!line.trim()) continue;
		const entry = parseEntry(line) ?? parseEntry(line.slice(line.lastIndexOf('{')));
		if (entry) tracks.push(entry);
	}
	return tracks;
}
