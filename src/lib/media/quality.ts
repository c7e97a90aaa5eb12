// A viewer's connection quality, judged from two samples of its inbound video (LiveMedia.stats()):
// the share of packets lost between them and the frame rate the decoder keeps up.
import type { InboundVideoStats } from './stats';

export type ConnectionQuality = 'good' | 'fair' | 'poor';

type Sample = Pick<InboundVideoStats, 'mid' | 'framesDecoded' | 'packetsLost' | 'freezeCount'> & {
	packetsReceived?: number;
};

/** Loss above this share, or fewer frames per second than this, is no longer 'good' (and so on). */
const GOOD = { loss: 0.02, fps: 15 };
const FAIR = { loss: 0.08, fps: 5 };

/**
 * Judges the interval between `before` and `after` (`seconds` apart); undefined while no video is
 * received. The best-moving video counts: a paused screen share does not make a good link look poor.
 */
export function judgeQuality(before: Sample[], after: Sample[], seconds: number): ConnectionQuality | undefined {
	let best: ConnectionQuality | undefined;
	for (const now of after) {
		const then = before.find((sample) => sample.mid === now.mid);
		if (!then || seconds <= 0) continue;
		const fps = (now.framesDecoded - then.framesDecoded) / seconds;
		const lost = Math.max(0, now.packetsLost - then.packetsLost);
		const received = Math.max(0, (now.packetsReceived ?? 0) - (then.packetsReceived ?? 0));
		const loss = lost + received > 0 ? lost / (lost + received) : 0;
		const froze = now.freezeCount > then.freezeCount;
		const level: ConnectionQuality =
			loss <= GOOD.loss && fps >= GOOD.fps && !froze ? 'good' : loss <= FAIR.loss && fps >= FAIR.fps ? 'fair' : 'poor';
		if (!best || rank(level) > rank(best)) best = level;
	}
	return best;
}

const rank = (level: ConnectionQuality) => ({ poor: 0, fair: 1, good: 2 })[level];
