import { describe, expect, it } from 'vitest';
import { MediaError } from '../backend';
import { janusTracks, offeredSources } from './track-list';

const offer = (lines: string[]) => ({
	type: 'offer' as const,
	sdp: ['v=0', 's=-', 't=0 0', ...lines, ''].join('\r\n')
});
const video = (mid: string, direction = 'sendonly') => [
	`m=video 9 UDP/TLS/RTP/SAVPF 96`,
	`a=mid:${mid}`,
	`a=${direction}`
];
const audio = (mid: string) => [`m=audio 9 UDP/TLS/RTP/SAVPF 111`, `a=mid:${mid}`, 'a=sendonly'];

describe('offeredSources', () => {
	it('names every sending m-line by its source', () => {
		expect([
			...offeredSources(offer([...video('0'), ...audio('1'), ...video('2')]), {
				'0': 'camera',
				'1': 'microphone',
				'2': 'screen'
			})
		]).toEqual(['camera', 'microphone', 'screen']);
	});

	it('refuses unnamed m-lines, a source of the wrong kind, a source twice, and an offer that sends nothing', () => {
		expect(() => offeredSources(offer(video('0')), {})).toThrow(MediaError);
		expect(() => offeredSources(offer(audio('0')), { '0': 'camera' })).toThrow(MediaError);
		expect(() => offeredSources(offer([...video('0'), ...video('1')]), { '0': 'camera', '1': 'camera' })).toThrow(
			MediaError
		);
		expect(() => offeredSources(offer(video('0', 'recvonly')), { '0': 'camera' })).toThrow(MediaError);
	});
});

describe('janusTracks', () => {
	it('lists a publisher’s tracks under the portal ids and says when the list changes', () => {
		const tracks = janusTracks();
		expect(tracks.set('alice', new Set(['camera', 'microphone']))).toBe(true);
		expect(tracks.set('alice', new Set(['camera', 'microphone']))).toBe(false);
		expect(tracks.list()).toEqual([
			{ publisherId: 'alice', trackId: 'camera~alice', streamId: 'camera~alice', kind: 'video', source: 'camera' },
			{
				publisherId: 'alice',
				trackId: 'microphone~alice',
				streamId: 'camera~alice',
				kind: 'audio',
				source: 'microphone'
			}
		]);
		expect(tracks.set('alice', new Set(['screen']))).toBe(true);
		expect(tracks.list().map((t) => t.streamId)).toEqual(['screen~alice']);
		expect(tracks.clear()).toBe(true);
		expect(tracks.clear()).toBe(false);
	});
});
