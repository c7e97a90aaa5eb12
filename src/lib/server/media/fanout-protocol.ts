// Messages between the main thread (fanout-pool.ts) and a fan-out worker (fanout-worker.ts).
// A track is named by its key (room id + track id); a viewer leg by a number the pool hands out.
import type { TrackInfo } from './backend';
import type { Counters } from './forwarded-track';
import type { MediaNetworkConfig } from './peer-config';

/** One RTP packet from a publisher (of simulcast `layer`, 0 without): its payload is `length` bytes at `offset` of the batch's shared buffer. */
export type PostedPacket = {
	key: string;
	seq: number;
	ts: number;
	marker: boolean;
	layer: number;
	offset: number;
	length: number;
};

export type ToWorker =
	| { op: 'track-add'; key: string; room: string; info: TrackInfo }
	| { op: 'track-remove'; key: string }
	| { op: 'track-restart'; key: string }
	/** One event-loop turn's packets; `data` is shared by every worker (one copy in all). */
	| { op: 'rtp'; packets: PostedPacket[]; data: SharedArrayBuffer }
	| { op: 'leg-open'; id: number; leg: number; room: string }
	| { op: 'leg-sync'; id: number; leg: number; keys: string[] }
	| { op: 'leg-offer'; id: number; leg: number }
	| { op: 'leg-answer'; id: number; leg: number; sdp: string }
	| {
			op: 'leg-ice';
			id: number;
			leg: number;
			candidate: {
				candidate: string;
				sdpMid?: string | null;
				sdpMLineIndex?: number | null;
				usernameFragment?: string | null;
			};
	  }
	| { op: 'leg-close'; id: number; leg: number }
	/** Close every leg and track before the worker is terminated (a UDP socket still open then can abort the process). */
	| { op: 'shutdown'; id: number };

/** A leg operation before the pool gives it its request id. */
export type LegCall = ToWorker extends infer M ? (M extends { id: number } ? Omit<M, 'id'> : never) : never;

export type FromWorker =
	| { type: 'ready' }
	| { type: 'reply'; id: number; ok: true; value?: unknown }
	| { type: 'reply'; id: number; ok: false; message: string }
	| { type: 'keyframe'; key: string; layer: number }
	/** Cumulative counters per room since the worker started. */
	| { type: 'counters'; rooms: Record<string, Counters> };

export type WorkerData = { config: MediaNetworkConfig; entry: string };

export const trackKey = (room: string, trackId: string) => `${room}\n${trackId}`;
