// Janus names the streams of a subscriber's offer after itself ("janus"); the browser client finds
// a publisher's camera or screen by the stream id (`camera~<peer>`, see $lib/media/types), so the
// server rewrites each m-line's a=msid from the feed that Janus reports behind that mid.

/** What the VideoRoom reports about one m-line of a subscriber's peer connection. */
export type JanusSubscriberStream = {
	mid?: string;
	active?: boolean;
	feed_id?: number;
	feed_mid?: string;
	type?: string;
};

/** Replaces (or adds) `a=msid:<stream> <track>` in the m-sections named by `msidOfMid`, drops SSRC-level msids. */
export function rewriteMsids(sdp: string, msidOfMid: Map<string, { streamId: string; trackId: string }>): string {
	const eol = sdp.includes('\r\n') ? '\r\n' : '\n';
	const [session, ...sections] = sdp.split(/\r?\nm=/);
	const rewritten = sections.map((section) => {
		const lines = section.split(/\r?\n/);
		const mid = lines
			.find((line) => line.startsWith('a=mid:'))
			?.slice(6)
			.trim();
		const msid = mid === undefined ? undefined : msidOfMid.get(mid);
		if (!msid) return lines.join(eol);
		const kept = lines.filter((line) => !line.startsWith('a=msid:') && !/^a=ssrc:\d+ (msid|mslabel|label):/.test(line));
		const at = kept.findIndex((line) => line.startsWith('a=mid:'));
		kept.splice(at + 1, 0, `a=msid:${msid.streamId} ${msid.trackId}`);
		return kept.join(eol);
	});
	return [session, ...rewritten].join(`${eol}m=`);
}

/** The feeds a subscriber receives now (active streams only). */
export function subscribedFeeds(streams: JanusSubscriberStream[]): Set<number> {
	return new Set(
		streams
			.filter((stream) => stream.active !== false && typeof stream.feed_id === 'number')
			.map((stream) => stream.feed_id as number)
	);
}
