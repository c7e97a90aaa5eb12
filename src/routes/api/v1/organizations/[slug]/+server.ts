import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { findVisibleOrganization } from '$lib/server/orgs/access';
import { publicEndpoint, invalidInput } from '$lib/server/api/handler';
import { slugParam } from '$lib/server/api/schemas';

export const GET: RequestHandler = publicEndpoint(async ({ params }, user) => {
	const slug = slugParam.safeParse(params.slug);
	if (!slug.success) return invalidInput(slug.error.issues);
	const org = await findVisibleOrganization(getDb(), slug.data, user && { id: user.id, isOperator: user.isOperator });
	return json({
		slug: org.slug,
		kind: org.kind,
		nameKo: org.name_ko,
		nameEn: org.name_en,
		summaryKo: org.summary_ko,
		summaryEn: org.summary_en,
		descriptionKo: org.description_ko,
		descriptionEn: org.description_en,
		region: org.region,
		website: org.website,
		foundedYear: org.founded_year,
		status: org.status,
		verifiedAt: org.verified_at?.toISOString() ?? null
	});
});
