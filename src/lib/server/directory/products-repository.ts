// Products of an organisation with their regulatory facts.
import type { Executor } from '../db';
import type { ProductInput } from './profile-schemas';

const PRODUCT_COLUMNS = [
	'id',
	'org_id',
	'name_ko',
	'name_en',
	'summary_ko',
	'summary_en',
	'mfds_class',
	'mfds_status',
	'mfds_approval_no',
	'fda_pathway',
	'fda_status',
	'ce_class',
	'clinical_stage',
	'sort_order'
] as const;

function toRow(input: ProductInput) {
	return {
		name_ko: input.nameKo,
		name_en: input.nameEn,
		summary_ko: input.summaryKo,
		summary_en: input.summaryEn,
		mfds_class: input.mfdsClass,
		mfds_status: input.mfdsStatus,
		mfds_approval_no: input.mfdsApprovalNo,
		fda_pathway: input.fdaPathway,
		fda_status: input.fdaStatus,
		ce_class: input.ceClass,
		clinical_stage: input.clinicalStage
	};
}

export function listProducts(db: Executor, orgId: string) {
	return db
		.selectFrom('products')
		.select(PRODUCT_COLUMNS)
		.where('org_id', '=', orgId)
		.orderBy('sort_order')
		.orderBy('created_at')
		.execute();
}

export type ProductView = Awaited<ReturnType<typeof listProducts>>[number];

export async function insertProduct(db: Executor, orgId: string, input: ProductInput) {
	// New products go last.
	const last = await db
		.selectFrom('products')
		.select((eb) => eb.fn.max('sort_order').as('max'))
		.where('org_id', '=', orgId)
		.executeTakeFirst();
	return db
		.insertInto('products')
		.values({ org_id: orgId, ...toRow(input), sort_order: Number(last?.max ?? -1) + 1 })
		.returning(PRODUCT_COLUMNS)
		.executeTakeFirstOrThrow();
}

/** Scoped by organisation, so an id from another organisation matches nothing. */
export function updateProduct(db: Executor, orgId: string, productId: string, input: ProductInput) {
	return db
		.updateTable('products')
		.set({ ...toRow(input), updated_at: new Date() })
		.where('id', '=', productId)
		.where('org_id', '=', orgId)
		.returning(PRODUCT_COLUMNS)
		.executeTakeFirst();
}

export function deleteProduct(db: Executor, orgId: string, productId: string) {
	return db
		.deleteFrom('products')
		.where('id', '=', productId)
		.where('org_id', '=', orgId)
		.returning(['id', 'name_en'])
		.executeTakeFirst();
}
