// Translated labels of a product's regulatory facts, shared by the public table and the edit form.
import * as m from '$lib/paraglide/messages';

export const MFDS_STATUSES = ['none', 'in_review', 'approved'] as const;
export const FDA_PATHWAYS = ['none', '510k', 'de_novo', 'pma'] as const;
export const FDA_STATUSES = ['none', 'in_review', 'cleared'] as const;
export const CE_CLASSES = ['none', 'I', 'IIa', 'IIb', 'III'] as const;
export const CLINICAL_STAGES = ['none', 'pilot', 'pivotal', 'completed', 'post_market'] as const;

export const mfdsStatusLabel = (s: (typeof MFDS_STATUSES)[number]) => m[`product_mfds_status_${s}`]();
export const fdaPathwayLabel = (s: (typeof FDA_PATHWAYS)[number]) => m[`product_fda_pathway_${s}`]();
export const fdaStatusLabel = (s: (typeof FDA_STATUSES)[number]) => m[`product_fda_status_${s}`]();
export const ceClassLabel = (s: (typeof CE_CLASSES)[number]) =>
	m[`product_ce_class_${s.toLowerCase() as 'none' | 'i' | 'iia' | 'iib' | 'iii'}`]();
export const clinicalStageLabel = (s: (typeof CLINICAL_STAGES)[number]) => m[`product_clinical_stage_${s}`]();
export const mfdsClassLabel = (c: number | null) =>
	c ? m.product_mfds_class_value({ class: String(c) }) : m.product_mfds_class_unset();

export const options = <T extends string>(values: readonly T[], label: (v: T) => string) =>
	values.map((value) => ({ value, label: label(value) }));
