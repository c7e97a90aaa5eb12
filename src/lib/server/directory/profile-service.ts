// The rules of editing an organisation's profile, products and logo: org admins only, one transaction
// per change with its audit row and a fresh search document, so search never shows stale text.
import type { Kysely } from 'kysely';
import type { DB, Executor } from '../db';
import { recordAudit } from '../audit/repository';
import { hasSqlState, SQLSTATE } from '../db/errors';
import { NotFoundError } from '../errors';
import { requireOrgAdmin, type Actor } from '../orgs/access';
import { refreshSearchDocument } from './search-index';
import { setOrganizationTerms } from './taxonomy-repository';
import { processLogo } from './logo';
import { ProductMfdsIncompleteError } from './errors';
import type { ListingInput, ProductInput, ProfileInput } from './profile-schemas';
import * as profileRepository from './profile-repository';
import * as productsRepository from './products-repository';

type Context = { ip: string | null };

/** Opens the transaction, checks the actor is an org admin, locks the org, and re-indexes it at the end. */
async function editOrganization<T>(
	db: Kysely<DB>,
	actor: Actor,
	orgId: string,
	run: (trx: Executor) => Promise<T>
): Promise<T> {
	try {
		return await db.transaction().execute(async (trx) => {
			await requireOrgAdmin(trx, actor, orgId);
			if (!(await profileRepository.lockOrganization(trx, orgId))) throw new NotFoundError();
			const result = await run(trx);
			await refreshSearchDocument(trx, orgId);
			return result;
		});
	} catch (error) {
		// The schema catches this first; the database check is the backstop.
		if (
			hasSqlState(error, SQLSTATE.checkViolation) &&
			String((error as { constraint?: string }).constraint).startsWith('products_')
		) {
			throw new ProductMfdsIncompleteError();
		}
		throw error;
	}
}

export function updateProfile(db: Kysely<DB>, actor: Actor, orgId: string, input: ProfileInput, context: Context) {
	return editOrganization(db, actor, orgId, async (trx) => {
		await profileRepository.updateOrganization(trx, orgId, {
			name_ko: input.nameKo,
			name_en: input.nameEn,
			summary_ko: input.summaryKo,
			summary_en: input.summaryEn,
			description_ko: input.descriptionKo,
			description_en: input.descriptionEn,
			region: input.region,
			address_ko: input.addressKo,
			address_en: input.addressEn,
			website: input.website,
			founded_year: input.foundedYear,
			employee_range: input.employeeRange,
			certifications: input.certifications,
			looking_for_partners: input.lookingForPartners,
			raising_investment: input.raisingInvestment
		});
		await setOrganizationTerms(trx, orgId, input.terms);
		const { descriptionKo, descriptionEn, ...logged } = input;
		// Descriptions can be long: the log keeps their lengths, the row keeps the text.
		const data = { ...logged, descriptionKoLength: descriptionKo.length, descriptionEnLength: descriptionEn.length };
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'organization.profile_updated',
			entityType: 'organization',
			entityId: orgId,
			data,
			ip: context.ip
		});
	});
}

export function createProduct(db: Kysely<DB>, actor: Actor, orgId: string, input: ProductInput, context: Context) {
	return editOrganization(db, actor, orgId, async (trx) => {
		const product = await productsRepository.insertProduct(trx, orgId, input);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'product.created',
			entityType: 'organization',
			entityId: orgId,
			data: { productId: product.id, ...input },
			ip: context.ip
		});
		return product;
	});
}

export function updateProduct(
	db: Kysely<DB>,
	actor: Actor,
	orgId: string,
	productId: string,
	input: ProductInput,
	context: Context
) {
	return editOrganization(db, actor, orgId, async (trx) => {
		const product = await productsRepository.updateProduct(trx, orgId, productId, input);
		if (!product) throw new NotFoundError();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'product.updated',
			entityType: 'organization',
			entityId: orgId,
			data: { productId, ...input },
			ip: context.ip
		});
		return product;
	});
}

export function deleteProduct(db: Kysely<DB>, actor: Actor, orgId: string, productId: string, context: Context) {
	return editOrganization(db, actor, orgId, async (trx) => {
		const deleted = await productsRepository.deleteProduct(trx, orgId, productId);
		if (!deleted) throw new NotFoundError();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'product.deleted',
			entityType: 'organization',
			entityId: orgId,
			data: { productId, nameEn: deleted.name_en },
			ip: context.ip
		});
	});
}

/** Re-encodes the image (outside the transaction: it is CPU work), then swaps it in and drops the old one. */
export async function replaceLogo(db: Kysely<DB>, actor: Actor, orgId: string, input: Uint8Array, context: Context) {
	// Check the right first, so an outsider cannot make the server decode images for them.
	await requireOrgAdmin(db, actor, orgId);
	const logo = await processLogo(input);
	return editOrganization(db, actor, orgId, async (trx) => {
		const org = await profileRepository.lockOrganization(trx, orgId);
		const { id } = await profileRepository.insertLogoUpload(trx, { orgId, bytes: logo.bytes, createdBy: actor.id });
		await profileRepository.updateOrganization(trx, orgId, { logo_upload_id: id });
		if (org?.logo_upload_id) await profileRepository.deleteUpload(trx, org.logo_upload_id);
		const data = {
			uploadId: id,
			previousUploadId: org?.logo_upload_id ?? null,
			bytes: logo.bytes.byteLength,
			width: logo.width,
			height: logo.height
		};
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'organization.logo_updated',
			entityType: 'organization',
			entityId: orgId,
			data,
			ip: context.ip
		});
		return { uploadId: id };
	});
}

export function removeLogo(db: Kysely<DB>, actor: Actor, orgId: string, context: Context) {
	return editOrganization(db, actor, orgId, async (trx) => {
		const org = await profileRepository.lockOrganization(trx, orgId);
		if (!org?.logo_upload_id) return;
		await profileRepository.updateOrganization(trx, orgId, { logo_upload_id: null });
		await profileRepository.deleteUpload(trx, org.logo_upload_id);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'organization.logo_removed',
			entityType: 'organization',
			entityId: orgId,
			data: { uploadId: org.logo_upload_id },
			ip: context.ip
		});
	});
}

/** A person's own directory entry; off (private) until they switch it on. */
export async function updateListing(db: Executor, userId: string, input: ListingInput) {
	await profileRepository.updateListing(db, userId, input);
}
