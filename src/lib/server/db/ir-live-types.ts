// Table types of the live IR room (migrations/20261123T1010_ir_live.ts; polls: 20261206T0700_ir_polls.ts).
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export const IR_LIVE_ROLES = ['moderator', 'presenter', 'speaker', 'viewer'] as const;
export const IR_QUESTION_STATUSES = ['pending', 'approved', 'answered', 'dismissed'] as const;

export type IrLiveRole = (typeof IR_LIVE_ROLES)[number];
export type IrQuestionStatus = (typeof IR_QUESTION_STATUSES)[number];

export interface IrAttendanceTable {
	id: Generated<string>;
	event_id: string;
	user_id: string;
	role: IrLiveRole;
	joined_at: ColumnType<Date, Date | string | undefined, Date | string>;
	left_at: Timestamp | null;
}

export interface IrChatMessagesTable {
	id: Generated<string>;
	event_id: string;
	user_id: string | null;
	body: string;
	created_at: CreatedAt;
	deleted_at: Timestamp | null;
	deleted_by: string | null;
}

export interface IrQuestionsTable {
	id: Generated<string>;
	event_id: string;
	user_id: string | null;
	body: string;
	status: Generated<IrQuestionStatus>;
	votes: Generated<number>;
	created_at: CreatedAt;
	updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface IrQuestionVotesTable {
	question_id: string;
	user_id: string;
	created_at: CreatedAt;
}

export interface IrRemovalsTable {
	event_id: string;
	user_id: string;
	removed_by: string | null;
	removed_at: CreatedAt;
}

export type IrPollStatus = 'open' | 'closed';

export interface IrPollsTable {
	id: Generated<string>;
	event_id: string;
	question: string;
	status: Generated<IrPollStatus>;
	created_by: string | null;
	created_at: CreatedAt;
	closed_at: Timestamp | null;
}

export interface IrPollOptionsTable {
	id: Generated<string>;
	poll_id: string;
	position: number;
	label: string;
}

export interface IrPollAnswersTable {
	poll_id: string;
	option_id: string;
	user_id: string;
	answered_at: CreatedAt;
}

export type IrChatMessageRow = Selectable<IrChatMessagesTable>;
export type IrQuestionRow = Selectable<IrQuestionsTable>;
