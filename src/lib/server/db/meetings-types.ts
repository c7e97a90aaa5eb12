// Table types of follow-up meetings (migrations/20261123T0900_meetings.ts).
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export const MEETING_STATUSES = ['requested', 'accepted', 'declined', 'expired', 'cancelled'] as const;
export const MEETING_CONTEXTS = ['need_response', 'ir_event', 'programme_consulting', 'matchmaking'] as const;

export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export type MeetingContextType = (typeof MEETING_CONTEXTS)[number];

export interface MeetingRequestsTable {
	id: Generated<string>;
	requester_id: string | null;
	requester_org_id: string;
	recipient_org_id: string;
	/** A consulting request is answered by this consultant alone (context 'programme_consulting'). */
	recipient_user_id: ColumnType<string | null, string | null | undefined, never>;
	context_type: MeetingContextType;
	context_id: string;
	message: Generated<string>;
	status: Generated<MeetingStatus>;
	chosen_slot_id: string | null;
	decline_message: string | null;
	decided_by: string | null;
	decided_at: Timestamp | null;
	expires_at: ColumnType<Date, Date | string | undefined, Date | string>;
	created_at: CreatedAt;
}

export interface MeetingRequestSlotsTable {
	id: Generated<string>;
	request_id: string;
	starts_at: Timestamp;
	ends_at: Timestamp;
}

export type MeetingRequestRow = Selectable<MeetingRequestsTable>;
export type MeetingRequestSlotRow = Selectable<MeetingRequestSlotsTable>;
