// Translated labels for directory enumerations; called at render time so the current locale applies.
import * as m from '$lib/paraglide/messages';

const kinds: Record<string, () => string> = {
	company: m.orgs_kind_company,
	hospital: m.orgs_kind_hospital,
	agency: m.orgs_kind_agency,
	university: m.orgs_kind_university,
	investor: m.orgs_kind_investor
};
const stages: Record<string, () => string> = {
	mfds_approved: m.directory_stage_mfds_approved,
	mfds_in_review: m.directory_stage_mfds_in_review,
	fda_cleared: m.directory_stage_fda_cleared,
	ce_marked: m.directory_stage_ce_marked,
	clinical_trial: m.directory_stage_clinical_trial
};
const vocabularies: Record<string, () => string> = {
	field: m.directory_vocabulary_field,
	capability: m.directory_vocabulary_capability,
	department: m.directory_vocabulary_department
};

export const kindLabel = (kind: string) => kinds[kind]?.() ?? kind;
export const stageLabel = (stage: string) => stages[stage]?.() ?? stage;
export const vocabularyLabel = (vocabulary: string) => vocabularies[vocabulary]?.() ?? vocabulary;
export const STAGES = Object.keys(stages);
export const KINDS = Object.keys(kinds);
