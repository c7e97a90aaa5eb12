// The room's track list as the portal sees it: what each publisher said it sends (its sources),
// from publish to unpublish, whether or not Janus has its media flowing yet.
import {
	streamIdFor,
	trackIdFor,
	type MediaSource,
	type SessionDescription,
	type TrackInfo
} from '../../../media/types';
import { MediaError } from '../backend';
import { sendingMLines } from '../sdp';

const SOURCES = ['camera', 'microphone', 'screen'] as const;

export function janusTracks() {
	const bySource = new Map<string, TrackInfo>();
	return {
		/** Sets `peerId`'s sources; true when the list changed. */
		set(peerId: string, sources: Set<MediaSource>): boolean {
			let changed = false;
			for (const source of SOURCES) {
				const trackId = trackIdFor(peerId, source);
				if (sources.has(source) && !bySource.has(trackId)) {
					const kind = source === 'microphone' ? 'audio' : 'video';
					bySource.set(trackId, { publisherId: peerId, trackId, streamId: streamIdFor(peerId, source), kind, source });
					changed = true;
				} else if (!sources.has(source) && bySource.delete(trackId)) changed = true;
			}
			return changed;
		},
		clear(): boolean {
			const had = bySource.size > 0;
			bySource.clear();
			return had;
		},
		list(): TrackInfo[] {
			return [...bySource.values()];
		}
	};
}

/** The sources a publisher's offer sends: every sending m-line named once, with a source of its kind. */
export function offeredSources(offer: SessionDescription, sources: Record<string, MediaSource>): Set<MediaSource> {
	const used = new Set<MediaSource>();
	for (const line of sendingMLines(offer.sdp)) {
		const source = sources[line.mid];
		if (!source || (source === 'microphone') !== (line.kind === 'audio') || used.has(source))
			throw new MediaError('media_invalid_offer', `m-line ${line.mid}: no or wrong source`);
		used.add(source);
	}
	if (used.size === 0) throw new MediaError('media_invalid_offer', 'the offer sends nothing');
	return used;
}
