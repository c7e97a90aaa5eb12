// A fan-out worker thread: it owns a partition of the viewers' legs (werift peer connections with
// their ICE, DTLS and SRTP, UDP sockets, NACK history and keyframe gate) and a copy of every
// published track, fed by the main thread with each packet the publisher sent. Per viewer and
// packet it does what the single-threaded SFU did: header rewrite, AES-GCM, one UDP send
// (RtpOutlet). Viewer RTCP arrives on the viewer's socket, so it is handled here: NACKs are
// answered from this worker's history, PLI/FIR become a 'keyframe' message to the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { emptyCounters, ForwardedTrack, type Counters } from './forwarded-track';
import type { FromWorker, ToWorker, WorkerData } from './fanout-protocol';
import { PortCursor } from './port-cursor';
import { SubscriberLeg } from './subscriber-leg';

const port = parentPort!;
const data = workerData as WorkerData;
/** This worker's port slice, searched from a cursor (port-cursor.ts). */
const config = { ...data.config, portCursor: new PortCursor(data.config.MEDIA_PORT_MIN, data.config.MEDIA_PORT_MAX) };
const tracks = new Map<string, ForwardedTrack>();
const legs = new Map<number, SubscriberLeg>();
const counters = new Map<string, Counters>();
const COUNTERS_EVERY_MS = 500;

const post = (message: FromWorker) => port.postMessage(message);
const roomCounters = (room: string) => {
	let value = counters.get(room);
	if (!value) counters.set(room, (value = emptyCounters()));
	return value;
};

function leg(id: number): SubscriberLeg {
	const found = legs.get(id);
	if (!found) throw new Error(`no leg ${id} in this worker`);
	return found;
}

async function handle(message: ToWorker): Promise<unknown> {
	switch (message.op) {
		case 'rtp':
			for (const p of message.packets) {
				const payload = Buffer.from(message.data, p.offset, p.length);
				tracks
					.get(p.key)
					?.feed({ header: { sequenceNumber: p.seq, timestamp: p.ts, marker: p.marker }, payload }, p.layer);
			}
			return;
		case 'track-add':
			if (!tracks.has(message.key))
				tracks.set(
					message.key,
					new ForwardedTrack(message.info, roomCounters(message.room), (layer) =>
						post({ type: 'keyframe', key: message.key, layer })
					)
				);
			return;
		case 'track-remove':
			tracks.get(message.key)?.close();
			tracks.delete(message.key);
			return;
		case 'track-restart':
			tracks.get(message.key)?.restart();
			return;
		case 'leg-open':
			legs.get(message.leg)?.close();
			legs.set(message.leg, new SubscriberLeg(config));
			return;
		case 'leg-sync':
			return leg(message.leg).sync(
				message.keys.map((key) => tracks.get(key)).filter((t): t is ForwardedTrack => t !== undefined)
			);
		case 'leg-offer':
			return (await leg(message.leg).offer()).sdp;
		case 'leg-answer':
			return leg(message.leg).setAnswer({ type: 'answer', sdp: message.sdp });
		case 'leg-ice':
			return legs.get(message.leg)?.addIceCandidate(message.candidate);
		case 'leg-close':
			legs.get(message.leg)?.close();
			legs.delete(message.leg);
			return;
		case 'shutdown': {
			clearInterval(countersTimer);
			const closing = [...legs.values()].map((leg) => leg.close());
			legs.clear();
			for (const track of tracks.values()) track.close();
			tracks.clear();
			await Promise.all(closing);
			return;
		}
	}
}

port.on('message', (message: ToWorker) => {
	const id = 'id' in message ? message.id : undefined;
	handle(message).then(
		(value) => id !== undefined && post({ type: 'reply', id, ok: true, value }),
		(error: unknown) =>
			id !== undefined &&
			post({ type: 'reply', id, ok: false, message: error instanceof Error ? error.message : String(error) })
	);
});
const countersTimer = setInterval(
	() => post({ type: 'counters', rooms: Object.fromEntries(counters) }),
	COUNTERS_EVERY_MS
);
post({ type: 'ready' });
