// The recordings this process is writing, by recording id: one instance per runtime (the sinks
// hold open files, so they belong to the node that hosts the live room). On a cluster a route
// (cluster/recording-route.ts) says which rooms this node hosts and carries starts and stops to
// the node that does: a recording is written where the room's media is, whichever node was asked.
import type { MediaRoom } from '../backend';
import type { RecordingSink } from './sink';
import { startWeriftRecording } from './werift-sink';

type Logger = { warn(context: object, message: string): void };

/** What one node asks of the node hosting a room's media. */
export type RecordingCommand =
	{ action: 'start'; roomId: string; recordingId: string; startedAt: number } | { action: 'stop'; recordingId: string };

export type RecordingRoute = {
	/** Whether this node hosts the room's media now. */
	hosts(roomId: string): boolean;
	/** Sends the command to the other nodes; a stop resolves once they closed their files (or a timeout passed). */
	relay(command: RecordingCommand): Promise<void>;
};

/** How long a stopped recording's id is remembered (a resume that raced its stop lands well within it). */
const STOPPED_MEMORY_MS = 10 * 60_000;

export class ActiveRecordings {
	readonly #sinks = new Map<string, { sink: RecordingSink; roomId: string }>();
	/** Recording id → when it was stopped: a stopped recording never starts again (ids are not reused). */
	readonly #stopped = new Map<string, number>();
	#route: RecordingRoute | undefined;

	constructor(private readonly logger: Logger) {}

	/** Set once by a cluster node (cluster/attach.ts); without it every room is hosted here. */
	useRoute(route: RecordingRoute): void {
		this.#route = route;
	}

	/** Records `room` here when this node hosts it, else has the hosting node do it. */
	start(room: MediaRoom, recordingId: string, dir: string, startedAt?: Date): void {
		if (this.#route && !this.#route.hosts(room.id)) {
			const command: RecordingCommand = {
				action: 'start',
				roomId: room.id,
				recordingId,
				startedAt: (startedAt ?? new Date()).getTime()
			};
			void this.#route
				.relay(command)
				.catch((error) => this.logger.warn({ err: error, recordingId }, 'recording: start not relayed'));
			return;
		}
		this.startHere(room, recordingId, dir, startedAt);
	}

	/**
	 * Starts a sink on this node, whatever the route says (the route's own handler, and resuming).
	 * Not for a recording stopped here or relayed here as stopped: a resume that read the row as
	 * still recording just before the stop would otherwise start a sink that nobody stops, writing
	 * parts into the folder the processing job reads and then removes.
	 */
	startHere(room: MediaRoom, recordingId: string, dir: string, startedAt?: Date): void {
		if (this.#sinks.has(recordingId) || this.#stopped.has(recordingId)) return;
		this.#sinks.set(recordingId, {
			// Janus records on its own (VideoRoom `record`); werift rooms are tapped here.
			sink: room.recordItself
				? room.recordItself(recordingId, dir, startedAt?.getTime())
				: startWeriftRecording(room, recordingId, dir, this.logger, startedAt?.getTime()),
			roomId: room.id
		});
	}

	holds(recordingId: string): boolean {
		return this.#sinks.has(recordingId);
	}

	/**
	 * Finishes the recording's files, here and (on a cluster) on whichever node writes them; a
	 * recording nobody holds is a no-op (it crashed, or never started).
	 */
	async stop(recordingId: string): Promise<void> {
		await this.stopHere(recordingId);
		await this.#route
			?.relay({ action: 'stop', recordingId })
			.catch((error) => this.logger.warn({ err: error, recordingId }, 'recording: stop not relayed'));
	}

	async stopHere(recordingId: string): Promise<void> {
		this.#remember(recordingId);
		await this.#close(recordingId);
	}

	/** The room left this node (failover, handover): its files close here; the new host continues in new files (and may hand it back). */
	async stopRoom(roomId: string): Promise<void> {
		await Promise.all([...this.#sinks].filter(([, entry]) => entry.roomId === roomId).map(([id]) => this.#close(id)));
	}

	/** Shutdown: the files close; the recordings go on elsewhere (or here after a restart). */
	async stopAll(): Promise<void> {
		await Promise.all([...this.#sinks.keys()].map((id) => this.#close(id)));
	}

	async #close(recordingId: string): Promise<void> {
		const entry = this.#sinks.get(recordingId);
		this.#sinks.delete(recordingId);
		await entry?.sink.stop();
	}

	#remember(recordingId: string): void {
		const now = Date.now();
		for (const [id, at] of this.#stopped) if (now - at > STOPPED_MEMORY_MS) this.#stopped.delete(id);
		this.#stopped.set(recordingId, now);
	}
}
