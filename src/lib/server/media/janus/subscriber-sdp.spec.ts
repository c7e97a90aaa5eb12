import { describe, expect, it } from 'vitest';
import { rewriteMsids, subscribedFeeds } from './subscriber-sdp';

const offer = [
	'v=0',
	'o=- 1 1 IN IP4 127.0.0.1',
	's=VideoRoom 1',
	't=0 0',
	'a=group:BUNDLE 0 1 2',
	'm=video 9 UDP/TLS/RTP/SAVPF 96',
	'a=mid:0',
	'a=sendonly',
	'a=msid:janus janus0',
	'a=ssrc:11 cname:janus',
	'a=ssrc:11 msid:janus janus0',
	'm=audio 9 UDP/TLS/RTP/SAVPF 111',
	'a=mid:1',
	'a=msid:janus janus1',
	'm=video 0 UDP/TLS/RTP/SAVPF 0',
	'a=mid:2',
	'a=inactive',
	''
].join('\r\n');

describe('rewriteMsids', () => {
	it('names each mapped m-line after the publisher source and leaves the others alone', () => {
		const result = rewriteMsids(
			offer,
			new Map([
				['0', { streamId: 'camera~alice', trackId: 'camera~alice' }],
				['1', { streamId: 'camera~alice', trackId: 'microphone~alice' }]
			])
		);
		expect(result).toContain('a=mid:0\r\na=msid:camera~alice camera~alice\r\n');
		expect(result).toContain('a=mid:1\r\na=msid:camera~alice microphone~alice\r\n');
		expect(result).not.toContain('msid:janus janus0');
		expect(result).not.toContain('msid:janus janus1');
		expect(result).toContain('a=ssrc:11 cname:janus');
		expect(result).toContain('m=video 0 UDP/TLS/RTP/SAVPF 0\r\na=mid:2\r\na=inactive');
		expect(result.startsWith('v=0\r\n')).toBe(true);
		expect(result.endsWith('\r\n')).toBe(true);
	});

	it('returns the offer unchanged when nothing is mapped', () => {
		expect(rewriteMsids(offer, new Map())).toBe(offer);
	});
});

describe('subscribedFeeds', () => {
	it('counts only active streams that come from a feed', () => {
		const feeds = subscribedFeeds([
			{ mid: '0', feed_id: 7, active: true },
			{ mid: '1', feed_id: 7 },
			{ mid: '2', feed_id: 9, active: false },
			{ mid: '3', type: 'data' }
		]);
		expect([...feeds]).toEqual([7]);
	});
});
