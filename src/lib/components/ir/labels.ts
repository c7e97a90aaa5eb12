// Translated labels for IR session enumerations; called at render time so the current locale applies.
import * as m from '$lib/paraglide/messages';

const access: Record<string, () => string> = {
	members: m.ir_access_members,
	investors: m.ir_access_investors,
	open: m.ir_access_open
};
const statuses: Record<string, () => string> = {
	scheduled: m.ir_status_scheduled,
	live: m.ir_status_live,
	ended: m.ir_status_ended,
	cancelled: m.ir_status_cancelled
};
const questionStatuses: Record<string, () => string> = {
	pending: m.ir_question_pending,
	approved: m.ir_question_approved,
	answered: m.ir_question_answered,
	dismissed: m.ir_question_dismissed
};
const stages: Record<string, () => string> = {
	mfds_approved: m.ir_stage_mfds_approved,
	mfds_in_review: m.ir_stage_mfds_in_review,
	fda_cleared: m.ir_stage_fda_cleared,
	ce_marked: m.ir_stage_ce_marked,
	clinical_trial: m.ir_stage_clinical_trial
};

export const ACCESS_VALUES = Object.keys(access);
export const STAGE_VALUES = Object.keys(stages);
export const accessLabel = (v: string) => access[v]?.() ?? v;
export const statusLabel = (v: string) => statuses[v]?.() ?? v;
export const questionStatusLabel = (v: string) => questionStatuses[v]?.() ?? v;
export const stageLabel = (v: string) => stages[v]?.() ?? v;
export const statusTone = (v: string) =>
	v === 'live' ? 'danger' : v === 'cancelled' ? 'warning' : v === 'ended' ? 'neutral' : 'success';

/** A duration in minutes, in the reader's language. */
export function durationLabel(minutes: number) {
	return m.ir_duration_minutes({ minutes: String(minutes) });
}

/** Seconds as minutes (rounded), for watch time. */
export const watchMinutes = (seconds: number) => m.ir_watch_minutes({ minutes: String(Math.round(seconds / 60)) });
