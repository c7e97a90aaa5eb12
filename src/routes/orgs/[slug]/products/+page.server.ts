import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { listProducts } from '$lib/server/directory/products-repository';
import { productIdSchema, productSchema, productUpdateSchema } from '$lib/server/directory/profile-schemas';
import { createProduct, deleteProduct, updateProduct } from '$lib/server/directory/profile-service';
import { adminAction, loadEditableOrg } from '../org-admin.server';

export const load = (async (event) => {
	const { org } = await loadEditableOrg(event);
	const products = await listProducts(getDb(), org.id);
	// `?edit=<id>` opens that product's form (a link, so it works without JavaScript).
	const editId = event.url.searchParams.get('edit');
	return {
		org: { id: org.id, slug: org.slug, name_ko: org.name_ko, name_en: org.name_en },
		products,
		editing: products.find((p) => p.id === editId) ?? null
	};
}) satisfies PageServerLoad;

export const actions = {
	create: (event) =>
		adminAction(event, productSchema, { formId: 'create' }, async ({ actor, orgId, data, context }) => {
			await createProduct(getDb(), actor, orgId, data, context);
			return { created: true };
		}),
	update: (event) =>
		adminAction(event, productUpdateSchema, { formId: 'update' }, async ({ actor, orgId, data, context }) => {
			const { productId, ...input } = data;
			await updateProduct(getDb(), actor, orgId, productId, input, context);
			return { updated: true };
		}),
	delete: (event) =>
		adminAction(event, productIdSchema, { formId: 'delete' }, async ({ actor, orgId, data, context }) => {
			await deleteProduct(getDb(), actor, orgId, data.productId, context);
			return { deleted: true };
		})
} satisfies Actions;
