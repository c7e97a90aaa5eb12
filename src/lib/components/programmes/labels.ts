// Translated labels for programmes; called at render time so the current locale applies.
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

const statuses: Record<string, () => string> = {
	draft: m.programmes_status_draft,
	submitted: m.programmes_status_submitted,
	withdrawn: m.programmes_status_withdrawn,
	selected: m.programmes_status_selected,
	reserve: m.programmes_status_reserve,
	declined: m.programmes_status_declined
};
export const statusLabel = (status: string) => statuses[status]?.() ?? status;
export const statusTone = (status: string) =>
	status === 'selected'
		? 'success'
		: status === 'declined' || status === 'withdrawn'
			? 'danger'
			: status === 'reserve'
				? 'warning'
				: 'primary';

export const formatKrw = (amount: number) =>
	new Intl.NumberFormat(getLocale() === 'ko' ? 'ko-KR' : 'en-GB', {
		style: 'currency',
		currency: 'KRW',
		maximumFractionDigits: 0
	}).format(amount);

const kinds: Record<string, () => string> = {
	company: m.programmes_kind_company,
	hospital: m.programmes_kind_hospital,
	agency: m.programmes_kind_agency,
	university: m.programmes_kind_university,
	investor: m.programmes_kind_investor
};
export const kindLabel = (kind: string) => kinds[kind]?.() ?? kind;

const stages: Record<string, () => string> = {
	none: m.programmes_stage_none,
	in_review: m.programmes_stage_in_review,
	approved: m.programmes_stage_approved
};
export const stageLabel = (stage: string) => stages[stage]?.() ?? stage;

const conflictReasons: Record<string, () => string> = {
	same_organisation: m.programmes_conflict_same_organisation,
	invested_in: m.programmes_conflict_invested_in,
	partner_of: m.programmes_conflict_partner_of
};
export const conflictLabel = (reason: string) => conflictReasons[reason]?.() ?? reason;

const questionKinds: Record<string, () => string> = {
	short_text: m.programmes_question_short_text,
	long_text: m.programmes_question_long_text,
	number: m.programmes_question_number,
	choice: m.programmes_question_choice,
	file: m.programmes_question_file
};
export const questionKindLabel = (kind: string) => questionKinds[kind]?.() ?? kind;
