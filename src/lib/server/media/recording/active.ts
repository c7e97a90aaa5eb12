// The recordings this process is writing, by recording id: one instance per runtime (the sinks
// hold open files, so they belong to the node that hosts the live room).
import type { MediaRoom } from '../backend';
import type { RecordingSink } from './sink';
import { startWeriftRecording } from './werift-sink';

type Logger = { warn(context: object, message: string): void };

export class ActiveRecordings {
	readonly #sinks = new Map<string, RecordingSink>();

	constructor(private readonly logger: Logger) {}

	start(room: MediaRoom, recordingId: string, dir: string, startedAt?: Date): void {
		if (this.#sinks.has(recordingId)) return;
		this.#sinks.set(recordingId, startWeriftRecording(room, recordingId, dir, this.logger, startedAt?.getTime()));
	}

	holds(recordingId: string): boolean {
		return this.#sinks.has(recordingId);
	}

	/** Finishes the recording's files; a recording this node does not hold is a no-op (it crashed, or another node has it). */
	async stop(recordingId: string): Promise<void> {
		const sink = this.#sinks.get(recordingId);
		this.#sinks.delete(recordingId);
		await sink?.stop();
	}

	async stopAll(): Promise<void> {
		await Promise.all([...this.#sinks.keys()].map((id) => this.stop(id)));
	}
}
