// The lobby's countdown: days once it is a day or more away ("3일 4:05:09"), never "76:34:13".
export function splitCountdown(ms: number): { days: number; clock: string } {
	const seconds = Math.max(0, Math.floor(ms / 1000));
	const days = Math.floor(seconds / 86_400);
	const h = Math.floor((seconds % 86_400) / 3600);
	const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
	const ss = String(seconds % 60).padStart(2, '0');
	return { days, clock: days > 0 || h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}` };
}
