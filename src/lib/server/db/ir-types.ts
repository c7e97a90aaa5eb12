// Table types of IR sessions (migrations/20261123T1000_ir.ts).
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type DefaultNow = ColumnType<Date, Date | string | undefined, Date | string>;

export const IR_ACCESS = ['members', 'investors', 'open'] as const;
export const IR_STATUSES = ['scheduled', 'live', 'ended', 'cancelled'] as const;

export type IrAccess = (typeof IR_ACCESS)[number];
export type IrStatus = (typeof IR_STATUSES)[number];

export interface IrEventsTable {
	id: Generated<string>;
	org_id: string;
	title_ko: string;
	title_en: string;
	summary_ko: string;
	summary_en: string;
	starts_at: Timestamp;
	duration_minutes: number;
	access: IrAccess;
	nda_required: Generated<boolean>;
	nda_text: string | null;
	nda_version: string | null;
	deck_upload_id: string | null;
	moderator_id: string;
	status: Generated<IrStatus>;
	live_started_at: Timestamp | null;
	ended_at: Timestamp | null;
	peak_viewers: Generated<number>;
	sequence: Generated<number>;
	cancel_reason: string | null;
	created_by: string | null;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

export interface IrEventPresentersTable {
	event_id: string;
	user_id: string;
}

export interface IrRegistrationsTable {
	event_id: string;
	user_id: string;
	org_id: string | null;
	nda_version: string | null;
	nda_accepted_at: Timestamp | null;
	nda_ip: string | null;
	registered_at: DefaultNow;
	cancelled_at: Timestamp | null;
	/** When the registrant acknowledged that the session may be recorded (issue #14). */
	recording_ack_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export type IrEventRow = Selectable<IrEventsTable>;
export type IrEventPresenterRow = Selectable<IrEventPresentersTable>;
export type IrRegistrationRow = Selectable<IrRegistrationsTable>;
