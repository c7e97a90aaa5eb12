import { describe, expect, it } from 'vitest';
import { relationFrom, type RelationView } from './relation-labels';

const relation = (kind: RelationView['kind']): RelationView => ({
	id: 'r1',
	org_id: 'investor',
	kind,
	status: 'confirmed',
	org_slug: 'hanbit',
	org_name_ko: '한빛',
	org_name_en: 'Hanbit',
	related_slug: 'pulsewise',
	related_name_ko: '펄스와이즈',
	related_name_en: 'Pulsewise'
});

describe('relationFrom', () => {
	it('reads an investment from each side: "invested in" the company, "investor" of the investor', () => {
		const fromInvestor = relationFrom(relation('invested_in'), 'investor');
		const fromCompany = relationFrom(relation('invested_in'), 'company');
		expect(fromInvestor).toMatchObject({ declared: true, other: { slug: 'pulsewise' } });
		expect(fromCompany).toMatchObject({ declared: false, other: { slug: 'hanbit' } });
		expect(fromInvestor.label).not.toBe(fromCompany.label);
	});
	it('reads a partnership the same way from both sides', () => {
		expect(relationFrom(relation('partner_of'), 'investor').label).toBe(
			relationFrom(relation('partner_of'), 'company').label
		);
	});
});
