// Labels of investment and regulatory stages, in the order the forms list them.
import * as m from '$lib/paraglide/messages';

export const stageLabels: Record<string, () => string> = {
	pre_seed: m.thesis_stage_pre_seed,
	seed: m.thesis_stage_seed,
	series_a: m.thesis_stage_series_a,
	series_b: m.thesis_stage_series_b,
	series_c: m.thesis_stage_series_c,
	growth: m.thesis_stage_growth
};

export const regulatoryLabels: Record<string, () => string> = {
	pre_clinical: m.thesis_reg_pre_clinical,
	clinical_trial: m.thesis_reg_clinical_trial,
	mfds_approved: m.thesis_reg_mfds_approved,
	fda_cleared: m.thesis_reg_fda_cleared,
	ce_marked: m.thesis_reg_ce_marked
};
