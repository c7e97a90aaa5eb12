// Chapters of a replay: each answered question starts one at the time it was answered, as WebVTT.

export type Chapter = { id: string; startMs: number; endMs: number; title: string };

/** Answered questions within the recording, in order; each chapter ends where the next begins. */
export function chaptersFrom(
	questions: { id: string; body: string; answeredAt: Date }[],
	startedAt: Date,
	durationMs: number
): Chapter[] {
	const starts = questions
		.map((q) => ({
			id: q.id,
			title: q.body.replace(/\s+/g, ' ').trim(),
			startMs: q.answeredAt.getTime() - startedAt.getTime()
		}))
		.filter((q) => q.startMs >= 0 && q.startMs < durationMs)
		.sort((a, b) => a.startMs - b.startMs);
	return starts.map((q, i) => ({ ...q, endMs: starts[i + 1]?.startMs ?? durationMs }));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function vttTime(ms: number): string {
	const total = Math.max(0, Math.round(ms));
	const h = Math.floor(total / 3_600_000);
	const m = Math.floor(total / 60_000) % 60;
	const s = Math.floor(total / 1000) % 60;
	return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(total % 1000, 3)}`;
}

/** A cue's text may not hold `-->` or a blank line; `<` and `&` are escaped as WebVTT asks. */
const cueText = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/-->/g, '→').replace(/\n+/g, ' ');

export function chaptersVtt(chapters: Chapter[]): string {
	const cues = chapters.map((c) => `${c.id}\n${vttTime(c.startMs)} --> ${vttTime(c.endMs)}\n${cueText(c.title)}\n`);
	return ['WEBVTT', '', ...cues].join('\n');
}
