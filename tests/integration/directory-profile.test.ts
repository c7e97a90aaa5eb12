// Editing an organisation's profile, products and logo: admins only, audited, and the search document kept current.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import * as profileService from '$lib/server/directory/profile-service';
import { productSchema, profileSchema } from '$lib/server/directory/profile-schemas';
import { listListedPeople } from '$lib/server/directory/profile-repository';
import { LogoNotImageError, LogoTooLargeError, ProductMfdsIncompleteError } from '$lib/server/directory/errors';
import { NotOrgAdminError } from '$lib/server/orgs/errors';
import { NotFoundError } from '$lib/server/errors';
import type { Database } from '$lib/server/db/connect';
import type { DB } from '$lib/server/db';
import { createTestDatabase } from './support/database';
import { actor, auditFor, context, orgWithStaff } from './support/orgs';
import { createOperator } from '../factories';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const profileInput = (overrides: Record<string, unknown> = {}) =>
	profileSchema.parse({
		nameKo: '펄스와이즈',
		nameEn: 'Pulsewise',
		summaryEn: 'Wearable ECG',
		certifications: 'ISO 13485, GMP',
		...overrides
	});
const productInput = (overrides: Record<string, unknown> = {}) =>
	productSchema.parse({ nameKo: '심전도 패치', nameEn: 'ECG patch', ...overrides });
const png = (width = 512, height = 512) =>
	sharp({ create: { width, height, channels: 4, background: '#0b5c73' } })
		.png()
		.toBuffer();

async function term(slug: string) {
	return db
		.insertInto('taxonomy_terms')
		.values({ vocabulary: 'field', slug, name_ko: '디지털헬스케어', name_en: 'Digital health' })
		.returningAll()
		.executeTakeFirstOrThrow();
}

describe('profile', () => {
	it('an admin saves the profile: tags set, audit written, search document refreshed in the same change', async () => {
		const { org, admin } = await orgWithStaff(db);
		const tag = await term(`digital-health-${org.slug}`);
		await profileService.updateProfile(
			db,
			actor(admin),
			org.id,
			profileInput({ nameEn: 'Cardiowave Labs', terms: tag.id, lookingForPartners: 'on' }),
			context
		);

		const saved = await db.selectFrom('organizations').selectAll().where('id', '=', org.id).executeTakeFirstOrThrow();
		expect(saved).toMatchObject({
			name_en: 'Cardiowave Labs',
			certifications: ['ISO 13485', 'GMP'],
			looking_for_partners: true,
			raising_investment: false
		});
		expect(saved.search_text.toLowerCase()).toContain('cardiowave');
		expect(saved.search_text).toContain('디지털헬스케어');
		const tags = await db.selectFrom('organization_terms').select('term_id').where('org_id', '=', org.id).execute();
		expect(tags).toEqual([{ term_id: tag.id }]);
		expect((await auditFor(db, org.id)).map((a) => [a.action, a.actor_id])).toEqual([
			['organization.profile_updated', admin.id]
		]);
	});

	it('operators may edit any profile; members and admins of another organisation may not', async () => {
		const a = await orgWithStaff(db);
		const b = await orgWithStaff(db);
		const operator = await createOperator(db);
		await profileService.updateProfile(db, actor(operator), b.org.id, profileInput(), context);
		for (const outsider of [a.owner, a.admin, b.member]) {
			await expect(
				profileService.updateProfile(db, actor(outsider), b.org.id, profileInput({ nameEn: 'Hijacked' }), context)
			).rejects.toBeInstanceOf(NotOrgAdminError);
			await expect(
				profileService.createProduct(db, actor(outsider), b.org.id, productInput(), context)
			).rejects.toBeInstanceOf(NotOrgAdminError);
			await expect(
				profileService.replaceLogo(db, actor(outsider), b.org.id, await png(), context)
			).rejects.toBeInstanceOf(NotOrgAdminError);
		}
		const row = await db
			.selectFrom('organizations')
			.select(['name_en', 'logo_upload_id'])
			.where('id', '=', b.org.id)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ name_en: 'Pulsewise', logo_upload_id: null });
		expect(await db.selectFrom('products').select('id').where('org_id', '=', b.org.id).execute()).toEqual([]);
	});
});

describe('products', () => {
	it('create, update and delete are audited and re-index the organisation', async () => {
		const { org, owner } = await orgWithStaff(db);
		const product = await profileService.createProduct(
			db,
			actor(owner),
			org.id,
			productInput({
				nameEn: 'Arrhythmiq patch',
				mfdsStatus: 'approved',
				mfdsClass: '2',
				mfdsApprovalNo: '제허 24-123호',
				fdaPathway: '510k',
				fdaStatus: 'cleared'
			}),
			context
		);
		expect(product).toMatchObject({
			mfds_class: 2,
			mfds_status: 'approved',
			fda_pathway: '510k',
			fda_status: 'cleared',
			ce_class: 'none'
		});
		const search = () =>
			db.selectFrom('organizations').select('search_text').where('id', '=', org.id).executeTakeFirstOrThrow();
		expect((await search()).search_text.toLowerCase()).toContain('arrhythmiq');

		await profileService.updateProduct(
			db,
			actor(owner),
			org.id,
			product.id,
			productInput({ nameEn: 'Rhythmo patch' }),
			context
		);
		expect((await search()).search_text.toLowerCase()).toContain('rhythmo');
		await profileService.deleteProduct(db, actor(owner), org.id, product.id, context);
		expect((await search()).search_text.toLowerCase()).not.toContain('rhythmo');
		expect((await auditFor(db, org.id)).map((a) => a.action)).toEqual([
			'product.created',
			'product.updated',
			'product.deleted'
		]);
	});

	it("an admin of A cannot touch B's product through A", async () => {
		const a = await orgWithStaff(db);
		const b = await orgWithStaff(db);
		const product = await profileService.createProduct(db, actor(b.owner), b.org.id, productInput(), context);
		await expect(
			profileService.updateProduct(
				db,
				actor(a.owner),
				a.org.id,
				product.id,
				productInput({ nameEn: 'Stolen' }),
				context
			)
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			profileService.deleteProduct(db, actor(a.owner), a.org.id, product.id, context)
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			profileService.updateProduct(db, actor(a.owner), b.org.id, product.id, productInput(), context)
		).rejects.toBeInstanceOf(NotOrgAdminError);
		expect(
			(await db.selectFrom('products').select('name_en').where('id', '=', product.id).executeTakeFirstOrThrow()).name_en
		).toBe('ECG patch');
	});

	it('refuses an MFDS-approved product without an approval number, in the schema and in the database', async () => {
		const { org, owner } = await orgWithStaff(db);
		const parsed = productSchema.safeParse({ nameKo: '패치', nameEn: 'Patch', mfdsStatus: 'approved', mfdsClass: '2' });
		expect(parsed.error?.issues.map((i) => i.path[0])).toEqual(['mfdsApprovalNo']);
		// Past the schema, the check constraint still holds, and nothing is written.
		const unchecked = { ...productInput(), mfdsStatus: 'approved' as const, mfdsClass: 2, mfdsApprovalNo: null };
		await expect(profileService.createProduct(db, actor(owner), org.id, unchecked, context)).rejects.toBeInstanceOf(
			ProductMfdsIncompleteError
		);
		expect(await db.selectFrom('products').select('id').where('org_id', '=', org.id).execute()).toEqual([]);
		expect(await auditFor(db, org.id)).toEqual([]);
	});
});

describe('logo', () => {
	it.each([
		['png', () => png(600, 300)],
		[
			'jpeg',
			() =>
				sharp({ create: { width: 300, height: 600, channels: 3, background: '#b4461f' } })
					.jpeg()
					.toBuffer()
		],
		[
			'webp',
			() =>
				sharp({ create: { width: 1000, height: 1000, channels: 3, background: '#1d6b3a' } })
					.webp()
					.toBuffer()
		]
	])('accepts a %s, stores a WebP of at most 256 px, and replaces the old logo', async (_format, make) => {
		const { org, owner } = await orgWithStaff(db);
		const first = await profileService.replaceLogo(db, actor(owner), org.id, await png(), context);
		const second = await profileService.replaceLogo(db, actor(owner), org.id, await make(), context);
		const stored = await db.selectFrom('uploads').selectAll().where('org_id', '=', org.id).execute();
		expect(stored.map((u) => u.id)).toEqual([second.uploadId]);
		expect(stored[0]).toMatchObject({ purpose: 'logo', content_type: 'image/webp', created_by: owner.id });
		const meta = await sharp(stored[0].bytes).metadata();
		expect(meta.format).toBe('webp');
		expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(256);
		const row = await db
			.selectFrom('organizations')
			.select('logo_upload_id')
			.where('id', '=', org.id)
			.executeTakeFirstOrThrow();
		expect(row.logo_upload_id).toBe(second.uploadId);
		expect(second.uploadId).not.toBe(first.uploadId);
		expect((await auditFor(db, org.id)).map((a) => a.action)).toEqual([
			'organization.logo_updated',
			'organization.logo_updated'
		]);
	});

	it('rejects a renamed text file, an SVG and a file over 2 MB, and keeps the current logo', async () => {
		const { org, owner } = await orgWithStaff(db);
		const { uploadId } = await profileService.replaceLogo(db, actor(owner), org.id, await png(), context);
		const text = new TextEncoder().encode('This is a text file somebody named logo.png');
		const svg = new TextEncoder().encode(
			'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><script>alert(1)</script></svg>'
		);
		const huge = new Uint8Array(2 * 1024 * 1024 + 1);
		huge.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		await expect(profileService.replaceLogo(db, actor(owner), org.id, text, context)).rejects.toBeInstanceOf(
			LogoNotImageError
		);
		await expect(profileService.replaceLogo(db, actor(owner), org.id, svg, context)).rejects.toBeInstanceOf(
			LogoNotImageError
		);
		await expect(profileService.replaceLogo(db, actor(owner), org.id, huge, context)).rejects.toBeInstanceOf(
			LogoTooLargeError
		);
		const row = await db
			.selectFrom('organizations')
			.select('logo_upload_id')
			.where('id', '=', org.id)
			.executeTakeFirstOrThrow();
		expect(row.logo_upload_id).toBe(uploadId);
		expect(await db.selectFrom('uploads').select('id').where('org_id', '=', org.id).execute()).toEqual([
			{ id: uploadId }
		]);
	});
});

describe('people', () => {
	it('lists only members who switched the listing on', async () => {
		const { org, owner, member } = await orgWithStaff(db);
		expect(await listListedPeople(db, org.id)).toEqual([]);
		await profileService.updateListing(db, member.id, {
			title: 'Clinical lead',
			expertise: 'Cardiology, ECG',
			directoryListed: true
		});
		await profileService.updateListing(db, owner.id, { title: 'CEO', expertise: '', directoryListed: false });
		expect(await listListedPeople(db, org.id)).toEqual([
			{ id: member.id, name: member.name, title: 'Clinical lead', expertise: 'Cardiology, ECG' }
		]);
	});
});
