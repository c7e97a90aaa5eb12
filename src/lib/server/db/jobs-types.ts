// Table types of background jobs, reminders, calendar feeds, notification preferences and the needs
// digest (migrations/20261123T1100_jobs.ts).
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type DefaultNow = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | T, string | T>;

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface JobsTable {
	id: Generated<string>;
	name: string;
	key: string;
	payload: Json<Record<string, unknown>>;
	run_at: DefaultNow;
	state: Generated<JobState>;
	attempts: Generated<number>;
	max_attempts: Generated<number>;
	every_seconds: number | null;
	locked_by: string | null;
	locked_until: Timestamp | null;
	last_error: string | null;
	done_at: Timestamp | null;
	created_at: CreatedAt;
	updated_at: DefaultNow;
}

export interface RemindersSentTable {
	kind: string;
	entity_id: string;
	offset_minutes: number;
	sequence: number;
	user_id: string;
	sent_at: DefaultNow;
}

export interface CalendarFeedTokensTable {
	id: Generated<string>;
	user_id: string;
	facility_id: string | null;
	secret_hash: Uint8Array;
	created_at: CreatedAt;
	last_used_at: Timestamp | null;
	revoked_at: Timestamp | null;
}

export interface NotificationPreferencesTable {
	user_id: string;
	kind: string;
	in_app: boolean;
	email: boolean;
	updated_at: DefaultNow;
}

export interface DigestSendsTable {
	user_id: string;
	iso_week: string;
	need_ids: string[];
	unsubscribe_hash: Uint8Array;
	sent_at: DefaultNow;
}

export type JobRow = Selectable<JobsTable>;
export type CalendarFeedTokenRow = Selectable<CalendarFeedTokensTable>;
