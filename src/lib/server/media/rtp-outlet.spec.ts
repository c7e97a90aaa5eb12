import { describe, expect, it } from 'vitest';
import { RtpOutlet } from './rtp-outlet';
import { fakeSender, idsOf, vp8Packet } from './simulcast-test-support';

describe('RtpOutlet across a change of source', () => {
	it('continues sequence numbers, timestamps, picture ids and TL0PICIDX from the last packet sent', () => {
		const { sender, wire } = fakeSender();
		const outlet = new RtpOutlet(sender, true);
		outlet.send(vp8Packet(100, 9000, 500, 7, true), undefined);
		outlet.send(vp8Packet(101, 12000, 501, 8, false), undefined);
		outlet.rebase(3000);
		// The other layer: its own numbering, far away from the first one.
		outlet.send(vp8Packet(40000, 7_000_000, 20000, 200, true), undefined);
		outlet.send(vp8Packet(40001, 7_003_000, 20001, 201, false), undefined);
		expect(wire.map((w) => (w.seq - wire[0].seq) & 0xffff)).toEqual([0, 1, 2, 3]);
		expect(wire.map((w) => (w.ts - wire[0].ts) >>> 0)).toEqual([0, 3000, 6000, 9000]);
		expect(wire.map((w) => idsOf(w.payload).pictureId)).toEqual([500, 501, 502, 503]);
		expect(wire.map((w) => idsOf(w.payload).tl0)).toEqual([7, 8, 9, 10]);
		// The rest of the payload is untouched, and one SSRC throughout.
		expect(wire.map((w) => w.payload[6])).toEqual([0, 1, 0, 1]);
		expect(new Set(wire.map((w) => w.ssrc)).size).toBe(1);
	});

	it('wraps picture ids at 15 bits and sequence numbers at 16', () => {
		const { sender, wire } = fakeSender();
		const outlet = new RtpOutlet(sender, true);
		outlet.send(vp8Packet(10, 0, 0x7fff, 255, true), undefined);
		outlet.rebase(1);
		outlet.send(vp8Packet(65535, 5, 3, 0, true), undefined);
		outlet.send(vp8Packet(0, 6, 4, 1, false), undefined);
		expect(wire.map((w) => idsOf(w.payload).pictureId)).toEqual([0x7fff, 0, 1]);
		expect(wire.map((w) => idsOf(w.payload).tl0)).toEqual([255, 0, 1]);
		expect(wire.map((w) => (w.seq - wire[0].seq) & 0xffff)).toEqual([0, 1, 2]);
	});

	it('advances the timestamp by at least one frame without a given step', () => {
		const { sender, wire } = fakeSender();
		const outlet = new RtpOutlet(sender, true);
		outlet.send(vp8Packet(1, 1000, 1, 1, true), undefined);
		outlet.rebase();
		outlet.send(vp8Packet(900, 55, 90, 9, true), undefined);
		expect((wire[1].ts - wire[0].ts) >>> 0).toBeGreaterThanOrEqual(2970);
	});

	it('maps NACKed sequence numbers only within the current source', () => {
		const { sender, wire } = fakeSender();
		const outlet = new RtpOutlet(sender, true);
		outlet.send(vp8Packet(100, 0, 1, 1, true), undefined);
		outlet.send(vp8Packet(101, 0, 1, 1, false), undefined);
		const beforeSwitch = wire[1].seq;
		outlet.rebase(3000);
		outlet.send(vp8Packet(7000, 50, 9, 9, true), undefined);
		outlet.send(vp8Packet(7001, 50, 9, 9, false), undefined);
		expect(outlet.upstreamSeqOf(beforeSwitch)).toBeUndefined();
		expect(outlet.upstreamSeqOf(wire[3].seq)).toBe(7001);
		expect(outlet.upstreamSeqOf((wire[3].seq + 1) & 0xffff)).toBeUndefined();
		// A resend carries the rewritten picture id as RTX (original sequence number first).
		(sender as unknown as { rtxPayloadType?: number }).rtxPayloadType = 97;
		outlet.resend(vp8Packet(7001, 50, 9, 9, false), wire[3].seq);
		const rtx = wire[4];
		expect(rtx.payloadType).toBe(97);
		expect(rtx.payload.readUInt16BE(0)).toBe(wire[3].seq);
		expect(idsOf(rtx.payload.subarray(2)).pictureId).toBe(idsOf(wire[3].payload).pictureId);
	});

	it('leaves payloads of a stream that never changed source as they came', () => {
		const { sender, wire } = fakeSender();
		const outlet = new RtpOutlet(sender, true);
		const packet = vp8Packet(5, 0, 42, 3, true);
		outlet.send(packet, undefined);
		expect(wire[0].payload.equals(packet.payload)).toBe(true);
	});
});
