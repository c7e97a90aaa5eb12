// Table types of investor theses and matchmaking days (migrations/20261207T0500_matchmaking.ts).
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** bigint comes back from pg as a string; callers convert with Number (KRW amounts stay far below 2^53). */
type Krw = ColumnType<string, number | string | bigint, number | string | bigint>;

export const INVESTMENT_STAGES = ['pre_seed', 'seed', 'series_a', 'series_b', 'series_c', 'growth'] as const;
export const THESIS_REGULATORY_STAGES = [
	'pre_clinical',
	'clinical_trial',
	'mfds_approved',
	'fda_cleared',
	'ce_marked'
] as const;
export type InvestmentStage = (typeof INVESTMENT_STAGES)[number];
export type ThesisRegulatoryStage = (typeof THESIS_REGULATORY_STAGES)[number];
export type MatchmakingSide = 'startup' | 'investor';

export interface InvestorThesesTable {
	org_id: string;
	stages: Generated<InvestmentStage[]>;
	regulatory_stages: Generated<ThesisRegulatoryStage[]>;
	ticket_min_krw: Krw;
	ticket_max_krw: Krw;
	updated_by: string | null;
	updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface InvestorThesisTermsTable {
	org_id: string;
	term_id: string;
}

export interface MatchmakingDaysTable {
	id: Generated<string>;
	title: string;
	starts_at: Timestamp;
	ends_at: Timestamp;
	slot_minutes: number;
	location: Generated<string>;
	online: Generated<boolean>;
	picks_close_at: Timestamp;
	scheduled_at: Timestamp | null;
	created_by: string | null;
	created_at: CreatedAt;
}

export interface MatchmakingParticipantsTable {
	day_id: string;
	org_id: string;
	side: MatchmakingSide;
}

export interface MatchmakingPicksTable {
	day_id: string;
	picker_org_id: string;
	picker_side: MatchmakingSide;
	picked_org_id: string;
	picked_side: MatchmakingSide;
	created_by: string | null;
	created_at: CreatedAt;
}

export interface MatchmakingSlotsTable {
	id: Generated<string>;
	day_id: string;
	startup_org_id: string;
	investor_org_id: string;
	during: string;
	meeting_request_id: string | null;
}

export type InvestorThesisRow = Selectable<InvestorThesesTable>;
export type MatchmakingDayRow = Selectable<MatchmakingDaysTable>;
