// The little SDP reading the SFU does itself: which m-lines an offer sends, and its ICE ufrag.
import type { MediaKind } from './backend';

export type OfferedMLine = { mid: string; kind: MediaKind | 'application' | 'other'; direction: string; port: number };

export function readMLines(sdp: string): OfferedMLine[] {
	const result: OfferedMLine[] = [];
	let current: OfferedMLine | undefined;
	let sessionDirection = 'sendrecv';
	for (const line of sdp.split(/\r?\n/)) {
		if (line.startsWith('m=')) {
			const [media, port] = line.slice(2).split(' ');
			const kind = media === 'audio' || media === 'video' || media === 'application' ? media : 'other';
			current = { mid: '', kind, direction: sessionDirection, port: Number(port) };
			result.push(current);
		} else if (line.startsWith('a=mid:')) {
			if (current) current.mid = line.slice(6).trim();
		} else if (/^a=(sendrecv|sendonly|recvonly|inactive)$/.test(line)) {
			if (current) current.direction = line.slice(2);
			else sessionDirection = line.slice(2);
		}
	}
	return result;
}

/** m-lines that carry media towards whoever answers (sendonly/sendrecv, not rejected). */
export const sendingMLines = (sdp: string) =>
	readMLines(sdp).filter(
		(m) =>
			(m.kind === 'audio' || m.kind === 'video') &&
			m.port !== 0 &&
			(m.direction === 'sendonly' || m.direction === 'sendrecv')
	);

/** The offer's ICE username fragment (session or first media level): the same one means the same browser connection. */
export function iceUfrag(sdp: string): string | undefined {
	return /^a=ice-ufrag:(\S+)/m.exec(sdp)?.[1];
}
