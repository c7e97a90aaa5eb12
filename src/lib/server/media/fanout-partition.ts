// Which fan-out worker carries which viewer leg. A leg stays on its worker for its whole life (its
// DTLS/SRTP state and UDP socket live there); new legs go to the least loaded worker, so leaves
// rebalance the load as the audience turns over. A worker that dies gives up all its legs at once.

export class FanoutPartition {
	readonly #workerOf = new Map<number, number>();
	readonly #load: number[];

	constructor(readonly workers: number) {
		if (!Number.isInteger(workers) || workers < 1)
			throw new RangeError(`workers must be a positive integer, not ${workers}`);
		this.#load = Array.from({ length: workers }, () => 0);
	}

	/** The worker for a new leg: the least loaded one, the lowest index on a tie. Idempotent per leg. */
	assign(legId: number): number {
		const existing = this.#workerOf.get(legId);
		if (existing !== undefined) return existing;
		let best = 0;
		for (let i = 1; i < this.workers; i++) if (this.#load[i] < this.#load[best]) best = i;
		this.#workerOf.set(legId, best);
		this.#load[best]++;
		return best;
	}

	/** The leg has closed; unknown legs are ignored (e.g. after their worker died). */
	release(legId: number) {
		const worker = this.#workerOf.get(legId);
		if (worker === undefined) return;
		this.#workerOf.delete(legId);
		this.#load[worker]--;
	}

	workerOf(legId: number): number | undefined {
		return this.#workerOf.get(legId);
	}

	/** A worker died: forgets its legs (their viewers reconnect as new legs) and returns them. */
	evacuate(worker: number): number[] {
		const legs = [...this.#workerOf].filter(([, w]) => w === worker).map(([legId]) => legId);
		for (const legId of legs) this.#workerOf.delete(legId);
		this.#load[worker] = 0;
		return legs;
	}

	/** Legs per worker. */
	loads(): number[] {
		return [...this.#load];
	}
}

/** MEDIA_WORKERS: unset → cores − 1 (at least 1); 0 → no workers (fan-out on the main thread). */
export function workerCount(configured: number | undefined, cores: number): number {
	if (configured !== undefined) return Math.max(0, Math.floor(configured));
	return Math.max(1, cores - 1);
}

/**
 * Splits the UDP port range: slice 0 for the main thread (publisher legs), one slice per worker,
 * so threads never race for the same port (werift probes a port, closes it, then binds it).
 */
export function portSlices(min: number, max: number, workers: number): Array<[number, number]> {
	const slices = workers + 1;
	const size = Math.floor((max - min + 1) / slices);
	if (size < 1) return Array.from({ length: slices }, () => [min, max]);
	return Array.from({ length: slices }, (_, i) => [min + i * size, i === slices - 1 ? max : min + (i + 1) * size - 1]);
}
