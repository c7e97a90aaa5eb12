// Runs one peer's media operations one after another (publish, answer, leave never interleave),
// while different peers proceed in parallel.
export class PeerQueues {
	readonly #tails = new Map<string, Promise<unknown>>();

	run<T>(peerId: string, task: () => Promise<T>): Promise<T> {
		const previous = this.#tails.get(peerId) ?? Promise.resolve();
		const result = previous.then(task, task);
		const tail = result.catch(() => {});
		this.#tails.set(peerId, tail);
		void tail.then(() => {
			if (this.#tails.get(peerId) === tail) this.#tails.delete(peerId);
		});
		return result;
	}
}
