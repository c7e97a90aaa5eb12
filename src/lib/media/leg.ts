// One browser peer connection to the SFU (publishing or subscribing): trickles its candidates once
// the offer/answer exchange has run, and calls `onBroken` when ICE or DTLS fails, when ICE stays
// disconnected, or when nothing at all has come from the server for a while (media on a viewing
// leg, RTCP receiver reports on a publishing one): browsers take 5+ s to notice a dead path.
import type { MediaLeg, RTCIceServerConfig } from './types';
import type { MediaSignal } from './signal';

/** How long ICE may stay 'disconnected' before the leg is rebuilt (Chrome often recovers sooner). */
export const DISCONNECTED_GRACE_MS = 2_000;
/** Silence from the server for this long on a connected leg means it is gone (its RTCP comes every ≤ 1.5 s). */
export const SILENCE_MS = 2_000;
const WATCH_INTERVAL_MS = 500;
/** Make before break: an old leg stays open this long after its replacement connects (its media decodes by then)… */
export const RETIRE_OVERLAP_MS = 3_000;
/** …and never longer than this after the replacement was started. */
export const RETIRE_MAX_MS = 10_000;

async function bytesFromServer(pc: RTCPeerConnection): Promise<number> {
	let bytes = 0;
	(await pc.getStats()).forEach((entry: { type: string; bytesReceived?: number }) => {
		if (entry.type === 'transport') bytes += entry.bytesReceived ?? 0;
	});
	return bytes;
}

export class PeerLeg {
	readonly pc: RTCPeerConnection;
	#pending: RTCIceCandidateInit[] | undefined = [];
	#graceTimer: ReturnType<typeof setTimeout> | undefined;
	#closed = false;
	#broken = false;
	#watch: ReturnType<typeof setInterval>;
	#lastBytes = -1;
	#lastChangeAt = 0;

	constructor(
		readonly leg: MediaLeg,
		iceServers: RTCIceServerConfig[],
		private readonly signal: MediaSignal,
		onBroken: () => void,
		/** Whether the server should be sending now (a viewing leg with no tracks stays quiet). */
		expectsTraffic: () => boolean = () => true
	) {
		const broken = () => {
			if (this.#closed || this.#broken) return;
			this.#broken = true;
			onBroken();
		};
		this.pc = new RTCPeerConnection({ iceServers, bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
		this.pc.addEventListener('icecandidate', ({ candidate }) => {
			if (!candidate || !candidate.candidate) return;
			if (this.#pending) this.#pending.push(candidate.toJSON());
			else this.#send(candidate.toJSON());
		});
		// A DTLS failure (e.g. the server dropped this connection) needs no grace period.
		this.pc.addEventListener('connectionstatechange', () => {
			if (this.pc.connectionState === 'failed') broken();
		});
		this.pc.addEventListener('iceconnectionstatechange', () => {
			if (this.#closed) return;
			const state = this.pc.iceConnectionState;
			clearTimeout(this.#graceTimer);
			if (state === 'failed') broken();
			else if (state === 'disconnected')
				this.#graceTimer = setTimeout(() => {
					if (['disconnected', 'failed'].includes(this.pc.iceConnectionState)) broken();
				}, DISCONNECTED_GRACE_MS);
		});
		this.#watch = setInterval(async () => {
			if (this.#closed || this.pc.connectionState !== 'connected' || !expectsTraffic()) {
				this.#lastBytes = -1;
				return;
			}
			const bytes = await bytesFromServer(this.pc).catch(() => this.#lastBytes);
			const now = Date.now();
			if (bytes !== this.#lastBytes) {
				this.#lastBytes = bytes;
				this.#lastChangeAt = now;
			} else if (now - this.#lastChangeAt > SILENCE_MS) broken();
		}, WATCH_INTERVAL_MS);
	}

	/** Sends the candidates gathered so far, and every later one at once. */
	flushCandidates() {
		const pending = this.#pending ?? [];
		this.#pending = undefined;
		for (const candidate of pending) this.#send(candidate);
	}

	#send(candidate: RTCIceCandidateInit) {
		if (this.#closed) return;
		const { candidate: line = '', sdpMid, sdpMLineIndex, usernameFragment } = candidate;
		this.signal('media:ice', {
			leg: this.leg,
			candidate: { candidate: line, sdpMid, sdpMLineIndex, usernameFragment }
		}).catch(() => {});
	}

	get closed() {
		return this.#closed;
	}

	close() {
		this.#closed = true;
		clearTimeout(this.#graceTimer);
		clearInterval(this.#watch);
		this.pc.close();
	}
}

/**
 * Closes `old` once `next` has been connected for RETIRE_OVERLAP_MS (or RETIRE_MAX_MS have passed,
 * or `next` closed): after a reconnect the old node may still forward for a while (a handover), so
 * the old leg plays until the new one does instead of leaving a gap.
 */
export function retireLeg(old: PeerLeg, next: PeerLeg): void {
	if (old.closed) return;
	let overlap: ReturnType<typeof setTimeout> | undefined;
	const done = () => {
		clearTimeout(overlap);
		clearTimeout(cap);
		next.pc.removeEventListener('connectionstatechange', check);
		old.close();
	};
	const cap = setTimeout(done, RETIRE_MAX_MS);
	const check = () => {
		if (next.closed || next.pc.connectionState === 'closed' || next.pc.connectionState === 'failed') done();
		else if (next.pc.connectionState === 'connected' && !overlap) overlap = setTimeout(done, RETIRE_OVERLAP_MS);
	};
	next.pc.addEventListener('connectionstatechange', check);
	check();
}
