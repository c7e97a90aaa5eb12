// The main thread's side of the fan-out: N worker threads (fanout-worker.ts), each owning the legs
// of the viewers the partition gives it. The main thread keeps ingest (the publishers' legs, SRTP
// decryption, the ingest taps) and posts every packet, batched per event-loop turn, to each
// worker. A worker that dies is replaced at once; its viewers' legs are gone, their ICE fails and
// the browser client re-subscribes, which opens a new leg on a live worker.
import type { Worker } from 'node:worker_threads';
import type { TrackInfo } from './backend';
import { emptyCounters, type Counters } from './forwarded-track';
import { FanoutPartition } from './fanout-partition';
import { startWorker, workerEntry, type WorkerEntry } from './fanout-boot';
import type { FromWorker, LegCall, PostedPacket, ToWorker } from './fanout-protocol';
import type { MediaNetworkConfig } from './peer-config';
import type { ForwardPacket } from './rtp-outlet';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Slot = {
	worker: Worker;
	generation: number;
	ready: boolean;
	dead: boolean;
	pending: Map<number, Pending>;
	counters: Record<string, Counters>;
};
type Logger = { warn(context: object, message: string): void };

const BOOT_RETRY_MS = 5_000;
const SHUTDOWN_MS = 3_000;

export class FanoutPool {
	readonly partition: FanoutPartition;
	readonly #slots: Slot[] = [];
	readonly #tracks = new Map<string, { room: string; info: TrackInfo }>();
	/** Counters of workers that died, per room, so totals never go backwards. */
	readonly #retired = new Map<string, Counters>();
	/** What closed rooms of each id had counted, subtracted from the workers' cumulative counters. */
	readonly #baselines = new Map<string, Counters>();
	#batch: Array<{ key: string; packet: ForwardPacket; layer: number }> = [];
	#nextId = 1;
	#flushQueued = false;
	#closed = false;
	/** A worker asks for a keyframe of track `key` (one of its viewers waits for one). */
	onKeyframe: (key: string, layer: number) => void = () => {};
	/** Legs that died with their worker. */
	onLegsLost: (legs: number[]) => void = () => {};

	private constructor(
		private readonly entry: WorkerEntry,
		private readonly configs: MediaNetworkConfig[],
		private readonly logger: Logger
	) {
		this.partition = new FanoutPartition(configs.length);
		for (let i = 0; i < configs.length; i++) this.#slots.push(this.#spawn(i, 0));
	}

	/** One worker per config (each with its own port slice); undefined when the worker source is absent. */
	static create(configs: MediaNetworkConfig[], logger: Logger): FanoutPool | undefined {
		const entry = workerEntry();
		if (!entry) {
			logger.warn({}, 'media: fan-out worker source or tsx not found; forwarding on the main thread (MEDIA_WORKERS=0)');
			return undefined;
		}
		return new FanoutPool(entry, configs, logger);
	}

	get size() {
		return this.#slots.length;
	}

	#spawn(index: number, generation: number): Slot {
		const worker = startWorker(this.entry, this.configs[index]);
		const slot: Slot = { worker, generation, ready: false, dead: false, pending: new Map(), counters: {} };
		worker.on('message', (message: FromWorker) => this.#receive(slot, message));
		worker.on('error', (error) => this.logger.warn({ err: error, worker: index }, 'media: fan-out worker failed'));
		worker.on('exit', (code) => this.#exited(index, slot, code));
		for (const [key, { room, info }] of this.#tracks)
			worker.postMessage({ op: 'track-add', key, room, info } satisfies ToWorker);
		return slot;
	}

	#receive(slot: Slot, message: FromWorker) {
		if (message.type === 'reply') {
			const pending = slot.pending.get(message.id);
			slot.pending.delete(message.id);
			if (message.ok) pending?.resolve(message.value);
			else pending?.reject(new Error(message.message));
		} else if (message.type === 'keyframe') this.onKeyframe(message.key, message.layer);
		else if (message.type === 'counters') slot.counters = message.rooms;
		else if (message.type === 'ready') slot.ready = true;
	}

	#exited(index: number, slot: Slot, code: number) {
		if (this.#slots[index] !== slot) return;
		slot.dead = true;
		for (const pending of slot.pending.values()) pending.reject(new Error('fan-out worker exited'));
		for (const [room, counters] of Object.entries(slot.counters)) {
			const retired = this.#retired.get(room) ?? emptyCounters();
			for (const key of Object.keys(retired) as (keyof Counters)[]) retired[key] += counters[key];
			this.#retired.set(room, retired);
		}
		const lost = this.partition.evacuate(index);
		if (this.#closed) return;
		this.logger.warn(
			{ worker: index, code, viewers: lost.length },
			'media: fan-out worker exited; replacing it (its viewers reconnect)'
		);
		this.onLegsLost(lost);
		// A worker that never started would fail again at once: retry it slowly, not in a tight loop.
		const respawn = () => {
			if (!this.#closed) this.#slots[index] = this.#spawn(index, slot.generation + 1);
		};
		if (slot.ready) respawn();
		else setTimeout(respawn, BOOT_RETRY_MS).unref();
	}

	/** Sends an operation to the worker carrying `leg` (assigning one to a new leg) and waits for its reply. */
	call(leg: number, message: LegCall): Promise<unknown> {
		const index = this.partition.workerOf(leg);
		if (index === undefined) return Promise.reject(new Error(`leg ${leg} has no worker (it died)`));
		const slot = this.#slots[index];
		if (slot.dead) return Promise.reject(new Error('fan-out worker is restarting'));
		const id = this.#nextId++;
		return new Promise((resolve, reject) => {
			slot.pending.set(id, { resolve, reject });
			slot.worker.postMessage({ ...message, id } as ToWorker);
		});
	}

	/** A number for a new viewer leg, placed on a worker. */
	openLeg(): number {
		const leg = this.#nextId++;
		this.partition.assign(leg);
		return leg;
	}

	closeLeg(leg: number) {
		void this.call(leg, { op: 'leg-close', leg }).catch(() => {});
		this.partition.release(leg);
	}

	addTrack(key: string, room: string, info: TrackInfo) {
		this.#tracks.set(key, { room, info });
		this.#broadcast({ op: 'track-add', key, room, info });
	}

	removeTrack(key: string) {
		this.#flush();
		this.#tracks.delete(key);
		this.#broadcast({ op: 'track-remove', key });
	}

	restartTrack(key: string) {
		this.#flush();
		this.#broadcast({ op: 'track-restart', key });
	}

	/** Queues one packet (of a simulcast `layer`) for every worker; they get this turn's packets in one message each. */
	post(key: string, packet: ForwardPacket, layer = 0) {
		this.#batch.push({ key, packet, layer });
		if (!this.#flushQueued) {
			this.#flushQueued = true;
			setImmediate(() => this.#flush());
		}
	}

	/** One copy of the batch's payloads into a SharedArrayBuffer that every worker reads. */
	#flush() {
		this.#flushQueued = false;
		if (this.#batch.length === 0) return;
		const batch = this.#batch;
		this.#batch = [];
		const data = new SharedArrayBuffer(batch.reduce((sum, { packet }) => sum + packet.payload.length, 0));
		const bytes = new Uint8Array(data);
		let offset = 0;
		const packets: PostedPacket[] = batch.map(({ key, packet, layer }) => {
			const { sequenceNumber: seq, timestamp: ts, marker } = packet.header;
			bytes.set(packet.payload, offset);
			offset += packet.payload.length;
			return { key, seq, ts, marker, layer, offset: offset - packet.payload.length, length: packet.payload.length };
		});
		this.#broadcast({ op: 'rtp', packets, data });
	}

	#broadcast(message: ToWorker) {
		for (const slot of this.#slots) if (!slot.dead) slot.worker.postMessage(message);
	}

	/** Counters the workers reported for `room` (up to COUNTERS_EVERY_MS old), with those of dead workers. */
	counters(room: string): Counters {
		const total = { ...(this.#retired.get(room) ?? emptyCounters()) };
		const baseline = this.#baselines.get(room);
		for (const key of Object.keys(total) as (keyof Counters)[]) {
			for (const slot of this.#slots) total[key] += slot.counters[room]?.[key] ?? 0;
			total[key] -= baseline?.[key] ?? 0;
		}
		return total;
	}

	/** The room closed: a later room of the same id counts from zero (workers' counters are cumulative). */
	forgetRoom(room: string) {
		const current = this.counters(room);
		const baseline = this.#baselines.get(room) ?? emptyCounters();
		for (const key of Object.keys(baseline) as (keyof Counters)[]) baseline[key] += current[key];
		this.#baselines.set(room, baseline);
	}

	/** Test and fault-injection hook: ends worker `index` as a crash would. */
	async crash(index: number) {
		await this.#slots[index]?.worker.terminate();
	}

	/**
	 * Closes the workers' legs (their UDP sockets) and then the workers. Terminating a worker whose
	 * sockets are still receiving can abort the whole process (Node's UDP receive callback meets the
	 * terminating isolate: "FATAL ERROR: v8::FromJust"), so each worker is asked to shut down first,
	 * for at most SHUTDOWN_MS.
	 */
	async close() {
		this.#closed = true;
		await Promise.all(
			this.#slots.map(async (slot) => {
				if (!slot.dead && slot.ready) {
					const id = this.#nextId++;
					const done = new Promise((resolve) => slot.pending.set(id, { resolve, reject: resolve }));
					slot.worker.postMessage({ op: 'shutdown', id } satisfies ToWorker);
					let timer: ReturnType<typeof setTimeout> | undefined;
					await Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, SHUTDOWN_MS)))]);
					clearTimeout(timer);
				}
				await slot.worker.terminate();
			})
		);
	}
}
