import { describe, expect, it } from 'vitest';
import { parseTracksManifest, type RecordedTrack } from './sink';

const entry = (file: string, offsetMs: number): RecordedTrack => ({
	file,
	publisherId: 'p',
	source: 'camera',
	kind: 'video',
	offsetMs
});
const line = (track: RecordedTrack) => JSON.stringify(track);

describe('parseTracksManifest', () => {
	it('skips a torn last entry and lines that are not entries', () => {
		const text = `${line(entry('a.webm', 0))}\n{"file":"../x","publisherId":"p","source":"camera","kind":"video","offsetMs":1}\n${line(entry('b.webm', 5)).slice(0, 20)}`;
		expect(parseTracksManifest(text)).toEqual([entry('a.webm', 0)]);
	});

	it('keeps the entry a node appended right after another node’s torn one (a SIGKILL mid-append)', () => {
		const text = `${line(entry('a.webm', 0))}\n${line(entry('a2.webm', 3000)).slice(0, 25)}${line(entry('b.webm', 6000))}\n${line(entry('c.webm', 7000))}\n`;
		expect(parseTracksManifest(text).map((t) => t.file)).toEqual(['a.webm', 'b.webm', 'c.webm']);
	});
});
