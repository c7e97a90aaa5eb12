import { describe, expect, it } from 'vitest';
import { sendingMLines } from './sdp';

const offer = [
	'v=0',
	'o=- 1 2 IN IP4 127.0.0.1',
	's=-',
	't=0 0',
	'a=group:BUNDLE 0 1 2',
	'm=audio 9 UDP/TLS/RTP/SAVPF 111',
	'a=mid:0',
	'a=sendonly',
	'm=video 9 UDP/TLS/RTP/SAVPF 96',
	'a=mid:1',
	'a=sendrecv',
	'm=video 0 UDP/TLS/RTP/SAVPF 96',
	'a=mid:2',
	'a=sendonly',
	'm=video 9 UDP/TLS/RTP/SAVPF 96',
	'a=mid:3',
	'a=recvonly',
	''
].join('\r\n');

describe('sendingMLines', () => {
	it('lists the sending, not rejected audio/video m-lines with their mids', () => {
		expect(sendingMLines(offer).map((m) => [m.mid, m.kind])).toEqual([
			['0', 'audio'],
			['1', 'video']
		]);
	});
});
