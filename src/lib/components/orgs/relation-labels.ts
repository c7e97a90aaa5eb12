// How a relation reads from one organisation's side ("invested in X", "investor: X", "partner: X").
import * as m from '$lib/paraglide/messages';

export type RelationView = {
	id: string;
	org_id: string;
	kind: 'invested_in' | 'partner_of';
	status: 'declared' | 'confirmed';
	org_slug: string;
	org_name_ko: string;
	org_name_en: string;
	related_slug: string;
	related_name_ko: string;
	related_name_en: string;
};

/** The other organisation and what it is to `orgId`. */
export function relationFrom(relation: RelationView, orgId: string) {
	const declared = relation.org_id === orgId;
	const other = declared
		? { slug: relation.related_slug, ko: relation.related_name_ko, en: relation.related_name_en }
		: { slug: relation.org_slug, ko: relation.org_name_ko, en: relation.org_name_en };
	const label =
		relation.kind === 'partner_of'
			? m.relation_label_partner()
			: declared
				? m.relation_label_invested_in()
				: m.relation_label_investor();
	return { declared, other, label };
}

export const relationKindLabel = (kind: string) =>
	kind === 'invested_in' ? m.relation_kind_invested_in() : m.relation_kind_partner_of();
