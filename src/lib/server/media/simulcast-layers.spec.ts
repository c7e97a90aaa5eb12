import { describe, expect, it } from 'vitest';
import {
	answerBandwidthLimit,
	chooseLayer,
	LAYER_IDLE_MS,
	LayerRates,
	START_ESTIMATE,
	ViewerBandwidth
} from './simulcast-layers';

describe('chooseLayer', () => {
	const rates = [150_000, 500_000, 1_200_000];
	it('takes the highest layer the estimate carries', () => {
		expect(chooseLayer(rates, 2_000_000, 2)).toBe(2);
		expect(chooseLayer(rates, 600_000, 1)).toBe(1);
		expect(chooseLayer(rates, 200_000, 2)).toBe(0);
	});
	it('needs headroom to go up, none to stay', () => {
		// 1.3 Mbit/s carries the 1.2 Mbit/s layer, but not with 15 % to spare.
		expect(chooseLayer(rates, 1_300_000, 1)).toBe(1);
		expect(chooseLayer(rates, 1_300_000, 2)).toBe(2);
	});
	it('falls back to the lowest active layer, and skips idle ones', () => {
		expect(chooseLayer(rates, 50_000, 2)).toBe(0);
		expect(chooseLayer([undefined, 500_000, undefined], 5_000_000, 0)).toBe(1);
		expect(chooseLayer([undefined, undefined], 5_000_000, 0)).toBe(-1);
	});
});

describe('ViewerBandwidth', () => {
	it('drops with heavy loss, grows without, and keeps to the viewer limit and REMB', () => {
		const bandwidth = new ViewerBandwidth();
		expect(bandwidth.value).toBe(START_ESTIMATE);
		bandwidth.onReceiverReport(128); // half the packets lost
		expect(bandwidth.value).toBe(START_ESTIMATE * 0.75);
		bandwidth.onReceiverReport(10); // ~4 %: hold
		expect(bandwidth.value).toBe(START_ESTIMATE * 0.75);
		bandwidth.onReceiverReport(0);
		expect(bandwidth.value).toBeCloseTo(START_ESTIMATE * 0.75 * 1.08);
		bandwidth.limit = 250_000;
		expect(bandwidth.value).toBe(250_000);
		bandwidth.limit = Infinity;
		bandwidth.onRemb(400_000);
		expect(bandwidth.value).toBe(400_000);
	});
	it('never falls below a floor however much is lost', () => {
		const bandwidth = new ViewerBandwidth();
		for (let i = 0; i < 100; i++) bandwidth.onReceiverReport(255);
		expect(bandwidth.value).toBeGreaterThan(0);
	});
});

describe('LayerRates', () => {
	it('measures each layer and forgets a layer that went idle', () => {
		const rates = new LayerRates();
		rates.add(0, 10_000, 0);
		rates.add(2, 100_000, 900);
		// Not measured yet: no viewer is moved onto a layer of unknown size.
		expect(rates.snapshot(900)).toEqual([Infinity, undefined, Infinity]);
		rates.tick(1000);
		expect(rates.count).toBe(3);
		expect(rates.snapshot(1000)).toEqual([80_000, undefined, 800_000]);
		expect(chooseLayer([Infinity, Infinity], 10_000_000, -1)).toBe(0);
		rates.add(0, 10_000, 1500);
		rates.tick(2000);
		// Smoothed; layer 2 sent nothing for longer than LAYER_IDLE_MS.
		expect(rates.snapshot(900 + LAYER_IDLE_MS + 1)).toEqual([80_000, undefined, undefined]);
	});
});

describe('answerBandwidthLimit', () => {
	const sdp = [
		'v=0',
		'm=audio 9 UDP/TLS/RTP/SAVPF 111',
		'a=mid:0',
		'm=video 9 UDP/TLS/RTP/SAVPF 96',
		'c=IN IP4 0.0.0.0',
		'b=AS:250',
		'a=mid:1',
		'm=video 9 UDP/TLS/RTP/SAVPF 96',
		'b=TIAS:400000',
		'a=mid:2',
		''
	].join('\r\n');
	it('reads b=AS (kbit/s) and b=TIAS (bit/s) of the m-line with that mid', () => {
		expect(answerBandwidthLimit(sdp, '1')).toBe(250_000);
		expect(answerBandwidthLimit(sdp, '2')).toBe(400_000);
		expect(answerBandwidthLimit(sdp, '0')).toBe(Infinity);
		expect(answerBandwidthLimit(sdp, '9')).toBe(Infinity);
	});
});
