// Recording on a cluster happens on the node that hosts the room's media (holds its lease): a start
// or stop that reaches another node (a form post goes round robin) is relayed to every node over
// socket.io's PostgreSQL adapter (serverSideEmit), and only the host acts on a start. A room that
// moves (failover, handover) closes its files on the old node and resumes in new files on the new
// one (cluster/attach.ts), as a restarted single node does. Each node writes under its own
// RECORDINGS_DIR, which on a cluster must be one shared folder (README "Running several nodes").
import type { Server } from 'socket.io';
import { z } from 'zod';
import type { MediaBackend } from '../media/backend';
import type { ActiveRecordings, RecordingCommand, RecordingRoute } from '../media/recording/active';

export const RECORDING_EVENT = 'cluster:recording';

const commandSchema = z.discriminatedUnion('action', [
	z.object({ action: z.literal('start'), roomId: z.uuid(), recordingId: z.uuid(), startedAt: z.number().int() }),
	z.object({ action: z.literal('stop'), recordingId: z.uuid() })
]);

type Logger = { warn(context: object, message: string): void };

/** The route ActiveRecordings uses on this node, and the handler of the commands other nodes relay. */
export function routeRecordings(
	io: Server<any, any, any, any>,
	deps: {
		recordings: ActiveRecordings;
		media: () => MediaBackend | undefined;
		hosts: (roomId: string) => boolean;
		workDir: (recordingId: string) => Promise<string>;
		logger: Logger;
	}
): RecordingRoute {
	const { recordings, logger } = deps;
	io.on(RECORDING_EVENT, async (raw: unknown, ack?: (reply: { ok: boolean }) => void) => {
		const parsed = commandSchema.safeParse(raw);
		if (!parsed.success) return ack?.({ ok: false });
		const command = parsed.data;
		try {
			if (command.action === 'stop') await recordings.stopHere(command.recordingId);
			else {
				const media = deps.media();
				if (media && deps.hosts(command.roomId))
					recordings.startHere(
						media.room(command.roomId),
						command.recordingId,
						await deps.workDir(command.recordingId),
						new Date(command.startedAt)
					);
			}
			ack?.({ ok: true });
		} catch (error) {
			logger.warn({ err: error, command }, 'recording: relayed command failed');
			ack?.({ ok: false });
		}
	});
	return {
		hosts: deps.hosts,
		relay: (command: RecordingCommand) =>
			new Promise<void>((resolve) => {
				// Every other node answers once it acted; a dead one is waited for until the adapter's
				// timeout (its files are closed anyway: its process is gone).
				io.serverSideEmit(RECORDING_EVENT, command, (error: Error | null) => {
					if (error) logger.warn({ err: error, command: command.action }, 'recording: not every node answered');
					resolve();
				});
			})
	};
}
