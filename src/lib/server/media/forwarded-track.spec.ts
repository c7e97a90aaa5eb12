import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyCounters, ForwardedTrack, LAYER_CHOICE_MS } from './forwarded-track';
import { fakeSender, idsOf, type Wire } from './simulcast-test-support';
import type { ForwardPacket } from './rtp-outlet';

/** Bytes per frame of each layer at 30 frames per second: about 150 kbit/s, 500 kbit/s and 1.2 Mbit/s. */
const FRAME_BYTES = [625, 2083, 5000];
const info = {
	publisherId: 'p',
	trackId: 'p:camera',
	streamId: 'p-camera',
	kind: 'video' as const,
	source: 'camera' as const
};

/** A simulcast publisher: three layers, each with its own numbering, keyframes when asked for. */
function publisher() {
	const wanted = new Set<number>([0, 1, 2]);
	const state = [0, 1, 2].map((layer) => ({
		seq: 1000 * (layer + 1),
		ts: 77_000 * (layer + 1),
		pictureId: 300 * (layer + 1),
		tl0: 10 * layer
	}));
	return {
		requestKeyframe: (layer: number) => wanted.add(layer),
		frame(layer: number): ForwardPacket {
			const s = state[layer];
			const keyframe = wanted.delete(layer);
			const payload = Buffer.alloc(FRAME_BYTES[layer]);
			Buffer.from([
				0x90,
				0xe0,
				0x80 | (s.pictureId >> 8),
				s.pictureId & 0xff,
				s.tl0,
				0x00,
				keyframe ? 0x00 : 0x01,
				layer
			]).copy(payload);
			const packet = { header: { sequenceNumber: s.seq, timestamp: s.ts, marker: true }, payload };
			s.seq = (s.seq + 1) & 0xffff;
			s.ts += 3000;
			s.pictureId = (s.pictureId + 1) & 0x7fff;
			s.tl0 = (s.tl0 + 1) & 0xff;
			return packet;
		}
	};
}

function run(track: ForwardedTrack, source: ReturnType<typeof publisher>, ms: number) {
	for (let t = 0; t < ms; t += 33) {
		for (const layer of [0, 1, 2]) track.feed(source.frame(layer), layer);
		vi.advanceTimersByTime(33);
	}
}

/** Every packet the viewer got continues the one before: sequence +1, timestamp forward, picture id +1. */
function expectContinuous(wire: Wire[]) {
	for (let i = 1; i < wire.length; i++) {
		expect((wire[i].seq - wire[i - 1].seq) & 0xffff).toBe(1);
		expect((wire[i].ts - wire[i - 1].ts) >>> 0).toBeGreaterThan(0);
		expect((wire[i].ts - wire[i - 1].ts) >>> 0).toBeLessThan(90_000);
		expect((idsOf(wire[i].payload).pictureId - idsOf(wire[i - 1].payload).pictureId) & 0x7fff).toBe(1);
	}
}

describe('ForwardedTrack with simulcast layers', () => {
	beforeEach(() => vi.useFakeTimers({ now: 1_700_000_000_000 }));
	afterEach(() => vi.useRealTimers());

	it('gives each viewer the layer its bandwidth carries and switches only on a keyframe of that layer', () => {
		const source = publisher();
		const requests: number[] = [];
		const track = new ForwardedTrack(info, emptyCounters(), (layer) => {
			requests.push(layer);
			source.requestKeyframe(layer);
		});
		const weak = fakeSender(1);
		const strong = fakeSender(2);
		const weakOutlet = track.addOutlet(weak.sender, () => true);
		weakOutlet.bandwidth.limit = 300_000; // b=AS:300 in its answer
		track.addOutlet(strong.sender, () => true);

		run(track, source, 4 * LAYER_CHOICE_MS);
		const tags = (wire: Wire[]) => wire.map((w) => idsOf(w.payload).tag);
		expect(
			tags(weak.wire)
				.slice(-30)
				.every((tag) => tag === 0)
		).toBe(true);
		expect(
			tags(strong.wire)
				.slice(-30)
				.every((tag) => tag === 2)
		).toBe(true);
		// The strong viewer started on the lowest layer and moved up on a keyframe of layer 2, asked for on that layer.
		const firstHigh = strong.wire.findIndex((w) => idsOf(w.payload).tag === 2);
		expect(firstHigh).toBeGreaterThan(0);
		expect(strong.wire[firstHigh].payload[6]).toBe(0x00);
		expect(requests).toContain(2);
		expectContinuous(strong.wire);
		expectContinuous(weak.wire);
		track.close();
	});

	it('moves a viewer down when its receiver reports heavy loss', () => {
		const source = publisher();
		const track = new ForwardedTrack(info, emptyCounters(), (layer) => source.requestKeyframe(layer));
		const viewer = fakeSender(3);
		track.addOutlet(viewer.sender, () => true);
		run(track, source, 3 * LAYER_CHOICE_MS);
		expect(idsOf(viewer.wire.at(-1)!.payload).tag).toBe(2);
		for (let i = 0; i < 4; i++) viewer.rtcp.emit({ type: 201, reports: [{ ssrc: 3, fractionLost: 200 }] });
		run(track, source, 3 * LAYER_CHOICE_MS);
		expect(idsOf(viewer.wire.at(-1)!.payload).tag).toBe(0);
		expectContinuous(viewer.wire);
		track.close();
	});

	it('answers a NACK from the layer the viewer is on', () => {
		const source = publisher();
		const counters = emptyCounters();
		const track = new ForwardedTrack(info, counters, (layer) => source.requestKeyframe(layer));
		const viewer = fakeSender(4);
		track.addOutlet(viewer.sender, () => true);
		run(track, source, 3 * LAYER_CHOICE_MS);
		const lost = viewer.wire.at(-3)!;
		viewer.nack.emit({ lost: [lost.seq] });
		const resent = viewer.wire.at(-1)!;
		expect(counters.retransmissions).toBe(1);
		expect(resent.seq).toBe(lost.seq);
		expect(resent.payload.equals(lost.payload)).toBe(true);
		track.close();
	});

	it('forwards a track without simulcast as before: one layer, from its first keyframe', () => {
		const source = publisher();
		const track = new ForwardedTrack(info, emptyCounters(), () => source.requestKeyframe(0));
		const viewer = fakeSender(5);
		track.addOutlet(viewer.sender, () => true);
		track.feed(source.frame(0), 0); // the initial keyframe
		track.feed(source.frame(0), 0);
		expect(viewer.wire).toHaveLength(2);
		expect(viewer.wire[0].payload[6]).toBe(0x00);
		track.close();
	});
});
