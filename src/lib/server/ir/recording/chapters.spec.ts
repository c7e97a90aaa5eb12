import { describe, expect, it } from 'vitest';
import { chaptersFrom, chaptersVtt, vttTime } from './chapters';

const start = new Date('2026-12-01T01:00:00Z');
const at = (s: number) => new Date(start.getTime() + s * 1000);

describe('chapters', () => {
	it('starts a chapter at each answer inside the recording, ending where the next begins', () => {
		const chapters = chaptersFrom(
			[
				{ id: 'b', body: 'Second\n question', answeredAt: at(30) },
				{ id: 'a', body: 'First', answeredAt: at(5) },
				{ id: 'x', body: 'Before the recording', answeredAt: at(-10) },
				{ id: 'y', body: 'After it', answeredAt: at(100) }
			],
			start,
			60_000
		);
		expect(chapters).toEqual([
			{ id: 'a', title: 'First', startMs: 5000, endMs: 30_000 },
			{ id: 'b', title: 'Second question', startMs: 30_000, endMs: 60_000 }
		]);
	});

	it('writes WebVTT with escaped cue text', () => {
		expect(vttTime(3_723_004)).toBe('01:02:03.004');
		const vtt = chaptersVtt([{ id: 'q1', title: 'A <b> & --> c', startMs: 0, endMs: 1500 }]);
		expect(vtt).toBe('WEBVTT\n\nq1\n00:00:00.000 --> 00:00:01.500\nA &lt;b> &amp; → c\n');
	});
});
