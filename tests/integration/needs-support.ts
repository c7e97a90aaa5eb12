// Test data for needs: a hospital with staff, companies with tags and products, and a need helper.
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Vocabulary } from '$lib/server/db/directory-types';
import { refreshSearchDocument } from '$lib/server/directory/search-index';
import { createNeed } from '$lib/server/needs/service';
import { newNeedSchema } from '$lib/server/needs/schemas';
import { addMember, createOrganization, createUser, uniqueSuffix } from '../factories';

export const context = { ip: '127.0.0.1', origin: 'http://127.0.0.1:3000' };
export const actorOf = (user: { id: string }) => ({ id: user.id, isOperator: false });

export async function createTerm(db: Kysely<DB>, vocabulary: Vocabulary, name_en: string) {
	return db
		.insertInto('taxonomy_terms')
		.values({ vocabulary, slug: `t-${uniqueSuffix()}`, name_ko: `${name_en} (ko)`, name_en })
		.returningAll()
		.executeTakeFirstOrThrow();
}

export async function createHospital(db: Kysely<DB>) {
	const org = await createOrganization(db, { kind: 'hospital', name_en: `Test Hospital ${uniqueSuffix()}` });
	const admin = await createUser(db);
	await addMember(db, org.id, admin.id, 'admin');
	const staff = await createUser(db);
	await addMember(db, org.id, staff.id, 'member');
	const colleague = await createUser(db);
	await addMember(db, org.id, colleague.id, 'member');
	return { org, admin, staff, colleague };
}

type CompanyOptions = {
	name_en?: string;
	description_en?: string;
	termIds?: string[];
	products?: Record<string, unknown>[];
	kind?: 'company' | 'university';
};

export async function createCompany(db: Kysely<DB>, options: CompanyOptions = {}) {
	const org = await createOrganization(db, {
		kind: options.kind ?? 'company',
		name_en: options.name_en ?? `Company ${uniqueSuffix()}`,
		description_en: options.description_en ?? ''
	});
	const owner = await createUser(db);
	await addMember(db, org.id, owner.id, 'owner');
	const member = await createUser(db);
	await addMember(db, org.id, member.id, 'member');
	if (options.termIds?.length)
		await db
			.insertInto('organization_terms')
			.values(options.termIds.map((term_id) => ({ org_id: org.id, term_id })))
			.execute();
	for (const [index, product] of (options.products ?? []).entries()) {
		await db
			.insertInto('products')
			.values({ org_id: org.id, name_ko: `제품 ${index}`, name_en: `Product ${index}`, sort_order: index, ...product })
			.execute();
	}
	await refreshSearchDocument(db, org.id);
	return { org, owner, member };
}

export async function postNeed(db: Kysely<DB>, author: { id: string }, fields: Record<string, unknown> = {}) {
	const input = newNeedSchema.parse({ title_en: 'Need a partner', type: 'clinical_validation', ...fields });
	return createNeed(db, actorOf(author), input, context);
}
