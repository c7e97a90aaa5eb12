// What the recording rules need from the process: the file store, this node's recorders and SFU,
// and the live-room broadcast that shows everyone the "recording" indicator.
import type { MediaBackend } from '../../media/backend';
import type { ActiveRecordings } from '../../media/recording/active';
import type { Runtime } from '../../runtime';
import { recordingStore, type FileStore } from '../../storage';
import { liveRoomName } from '../live/broadcast';

export type RecordingState = { recording: boolean; startedAt: string | null };

export type RecordingDeps = {
	store: FileStore;
	/** Absent in tests and on nodes without live rooms: rows change, nothing is written from media. */
	recorders?: ActiveRecordings;
	media?: MediaBackend;
	/** On a cluster: whether this node hosts the room's media now (holds its lease). Absent: every room is here. */
	hosts?: (eventId: string) => boolean;
	announce?: (eventId: string, state: RecordingState) => void;
	retentionDays: number;
};

export function recordingDeps(runtime: Runtime): RecordingDeps {
	return {
		store: recordingStore(runtime.config),
		recorders: runtime.recordings,
		media: runtime.media,
		// Read at each call: the cluster node is attached after the jobs that use these deps start.
		hosts: (eventId) => !runtime.cluster || runtime.cluster.heldVersion(eventId) !== undefined,
		retentionDays: runtime.config.RECORDING_RETENTION_DAYS,
		announce: (eventId, state) => runtime.io?.to(liveRoomName(eventId)).emit('ir:recording', { eventId, ...state })
	};
}

/** Where a recording's files live in the store: raw tracks under `raw/`, the replay beside them. */
export const rawPrefix = (recordingId: string) => `${recordingId}/raw`;
export const replayKey = (recordingId: string, ext: 'mp4' | 'webm') => `${recordingId}/replay.${ext}`;
