// Replay analytics from the browser: a view is counted when playback first starts, then the
// seconds actually played (the union of played ranges, so re-watching a part counts once) are
// reported every 15 s, on pause and when the page goes away.
const EVERY_MS = 15_000;

function playedSeconds(video: HTMLVideoElement): number {
	let total = 0;
	for (let i = 0; i < video.played.length; i++) total += video.played.end(i) - video.played.start(i);
	return Math.floor(total);
}

export function reportWatching(video: HTMLVideoElement, eventId: string, recordingId: string): () => void {
	const url = `/ir/${eventId}/replay/views`;
	let viewId: Promise<string | undefined> | undefined;
	let reported = -1;
	const post = (body: object) =>
		fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
			keepalive: true
		});

	const report = async () => {
		const id = await viewId;
		const seconds = playedSeconds(video);
		if (!id || seconds === reported) return;
		reported = seconds;
		await post({ viewId: id, watchedSeconds: seconds }).catch(() => {});
	};
	const onPlay = () => {
		viewId ??= post({ recordingId })
			.then(async (response) => (response.ok ? ((await response.json()) as { viewId: string }).viewId : undefined))
			.catch(() => undefined);
	};
	const onHide = () => void report();
	video.addEventListener('play', onPlay);
	video.addEventListener('pause', onHide);
	window.addEventListener('pagehide', onHide);
	const timer = setInterval(() => {
		if (!video.paused) void report();
	}, EVERY_MS);
	return () => {
		clearInterval(timer);
		void report();
		video.removeEventListener('play', onPlay);
		video.removeEventListener('pause', onHide);
		window.removeEventListener('pagehide', onHide);
	};
}
