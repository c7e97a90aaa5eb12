// Reads the inbound video figures tests and the benchmark canary need out of a getStats() report.
import { parseStreamId } from './types';

export type InboundVideoStats = {
	publisherId: string | null;
	group: 'camera' | 'screen' | null;
	mid: string | null;
	framesDecoded: number;
	framesPerSecond: number;
	freezeCount: number;
	totalFreezesDuration: number;
	packetsLost: number;
	packetsReceived: number;
	frameWidth: number;
	frameHeight: number;
};

/** `streamOfMid` maps each receiving mid to its stream id (see Subscriber.streamOfMid). */
export function inboundVideoStats(report: RTCStatsReport, streamOfMid: Map<string, string>): InboundVideoStats[] {
	const result: InboundVideoStats[] = [];
	report.forEach((entry: Record<string, unknown>) => {
		if (entry.type !== 'inbound-rtp' || entry.kind !== 'video') return;
		const mid = typeof entry.mid === 'string' ? entry.mid : null;
		const parsed = mid ? parseStreamId(streamOfMid.get(mid) ?? '') : undefined;
		const num = (key: string) => (typeof entry[key] === 'number' ? (entry[key] as number) : 0);
		result.push({
			publisherId: parsed?.publisherId ?? null,
			group: parsed?.group ?? null,
			mid,
			framesDecoded: num('framesDecoded'),
			framesPerSecond: num('framesPerSecond'),
			freezeCount: num('freezeCount'),
			totalFreezesDuration: num('totalFreezesDuration'),
			packetsLost: num('packetsLost'),
			packetsReceived: num('packetsReceived'),
			frameWidth: num('frameWidth'),
			frameHeight: num('frameHeight')
		});
	});
	return result;
}
