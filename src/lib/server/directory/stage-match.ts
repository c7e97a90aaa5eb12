// Whether a product (alias `p`) meets a regulatory stage: shared by needs matching (a need's required
// stage) and investor suggestions (a thesis's regulatory stages), so both read a product the same way.
import { sql, type RawBuilder } from 'kysely';

export function productMeetsStage(stage: RawBuilder<unknown>): RawBuilder<boolean> {
	return sql<boolean>`case ${stage}
	when 'pre_clinical' then p.clinical_stage = 'none' and p.mfds_status <> 'approved'
	when 'clinical_trial' then p.clinical_stage <> 'none' or p.mfds_status = 'approved'
	when 'mfds_in_review' then p.mfds_status in ('in_review', 'approved')
	when 'mfds_approved' then p.mfds_status = 'approved'
	when 'fda_cleared' then p.fda_status = 'cleared'
	when 'ce_marked' then p.ce_class <> 'none'
	else false end`;
}
