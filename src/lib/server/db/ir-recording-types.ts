// Table types of IR recordings (migrations/20261204T0610_ir_recordings.ts).
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultNow = ColumnType<Date, Date | string | undefined, Date | string>;
/** bigint: pg hands it back as a string (PGlite may as a bigint); read it through Number(). */
type BigCount = ColumnType<string | number | bigint | null, number | null | undefined, number | null>;

export const IR_RECORDING_STATUSES = ['recording', 'processing', 'ready', 'failed'] as const;
export type IrRecordingStatus = (typeof IR_RECORDING_STATUSES)[number];

export interface IrRecordingsTable {
	id: Generated<string>;
	event_id: string;
	status: ColumnType<IrRecordingStatus, IrRecordingStatus | undefined, IrRecordingStatus>;
	started_by: string | null;
	started_at: DefaultNow;
	stopped_at: Timestamp | null;
	published: ColumnType<boolean, boolean | undefined, boolean>;
	storage_key: string | null;
	mime_type: string | null;
	size_bytes: BigCount;
	duration_ms: number | null;
	progress: ColumnType<number, number | undefined, number>;
	last_error: string | null;
	processed_at: Timestamp | null;
	created_at: ColumnType<Date, Date | string | undefined, never>;
	updated_at: DefaultNow;
}

export interface IrReplayViewsTable {
	id: Generated<string>;
	recording_id: string;
	event_id: string;
	user_id: string;
	started_at: DefaultNow;
	watched_seconds: ColumnType<number, number | undefined, number>;
	updated_at: DefaultNow;
}

export type IrRecordingRow = Selectable<IrRecordingsTable>;
