// The public shape of an organisation in the API: profile, tags and products with regulatory facts.
import type { Executor } from '../db';
import type { OrganizationRow } from '../db/types';
import { listOrganizationTerms } from './taxonomy-repository';

export async function toPublicOrganization(db: Executor, org: OrganizationRow) {
	const [tags, products] = await Promise.all([
		listOrganizationTerms(db, org.id),
		db
			.selectFrom('products')
			.selectAll()
			.where('org_id', '=', org.id)
			.orderBy('sort_order')
			.orderBy('created_at')
			.execute()
	]);
	return {
		slug: org.slug,
		kind: org.kind,
		nameKo: org.name_ko,
		nameEn: org.name_en,
		summaryKo: org.summary_ko,
		summaryEn: org.summary_en,
		descriptionKo: org.description_ko,
		descriptionEn: org.description_en,
		region: org.region,
		addressKo: org.address_ko,
		addressEn: org.address_en,
		website: org.website,
		foundedYear: org.founded_year,
		employeeRange: org.employee_range,
		certifications: org.certifications,
		lookingForPartners: org.looking_for_partners,
		raisingInvestment: org.raising_investment,
		logoUrl: org.logo_upload_id ? `/media/${org.logo_upload_id}` : null,
		status: org.status,
		verifiedAt: org.verified_at?.toISOString() ?? null,
		tags: tags.map((t) => ({ vocabulary: t.vocabulary, slug: t.slug, nameKo: t.name_ko, nameEn: t.name_en })),
		products: products.map((p) => ({
			id: p.id,
			nameKo: p.name_ko,
			nameEn: p.name_en,
			summaryKo: p.summary_ko,
			summaryEn: p.summary_en,
			mfds: { class: p.mfds_class, status: p.mfds_status, approvalNo: p.mfds_approval_no },
			fda: { pathway: p.fda_pathway, status: p.fda_status },
			ceClass: p.ce_class,
			clinicalStage: p.clinical_stage
		}))
	};
}
