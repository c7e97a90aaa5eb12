// Reading time comes from the viewer's browser, so it is never trusted as sent: each beat counts for
// at most the beat interval (plus slack), and never for more than the wall time since the last beat.
export const BEAT_INTERVAL_SECONDS = 15;
export const BEAT_CAP_SECONDS = BEAT_INTERVAL_SECONDS + 5;

/**
 * Seconds a beat may add: what the client claims, cut to the cap and to the time really elapsed since
 * this viewer's previous beat on any page (null: first beat, only the cap applies).
 */
export function creditedSeconds(claimed: number, now: Date, lastBeatAt: Date | null): number {
	const claim = Math.max(0, Math.floor(claimed));
	let credit = Math.min(claim, BEAT_CAP_SECONDS);
	if (lastBeatAt) {
		const elapsed = Math.max(0, Math.floor((now.getTime() - lastBeatAt.getTime()) / 1000));
		credit = Math.min(credit, elapsed + 1);
	}
	return credit;
}
