// Where a new peer connection's UDP port search starts. werift (0.25) finds a port in its range by
// binding each port from the lowest up, one after the other, each bind a few event-loop turns: the
// n-th open connection of a thread probed n ports first. At 300 viewers that was over a second of a
// busy fan-out worker's turns per join. The cursor moves one port past the last start, wrapping at
// the end of the range, so the first port probed is almost always free (a port still held further
// on costs one more probe, not all of them).

export class PortCursor {
	#next: number;

	constructor(
		readonly min: number,
		readonly max: number
	) {
		if (!Number.isInteger(min) || !Number.isInteger(max) || min > max)
			throw new RangeError(`invalid port range ${min}–${max}`);
		this.#next = min;
	}

	/** The range werift should search for the next connection: from the cursor to the end of the range. */
	next(): [number, number] {
		const start = this.#next;
		this.#next = start >= this.max ? this.min : start + 1;
		// Near the end of the range, search all of it rather than only its last few ports.
		return this.max - start < 16 ? [this.min, this.max] : [start, this.max];
	}
}
