// Queries behind an organisation's public profile: its columns, listed people, and its logo bytes.
import type { Executor } from '../db';
import type { OrganizationsTable } from '../db/types';
import type { Updateable } from 'kysely';

/** Everything the profile page shows; never the search columns, which are large and internal. */
const PROFILE_COLUMNS = [
	'id',
	'slug',
	'kind',
	'status',
	'status_reason',
	'name_ko',
	'name_en',
	'summary_ko',
	'summary_en',
	'description_ko',
	'description_en',
	'region',
	'address_ko',
	'address_en',
	'website',
	'founded_year',
	'employee_range',
	'certifications',
	'looking_for_partners',
	'raising_investment',
	'logo_upload_id',
	'created_at',
	'updated_at'
] as const;

export function findProfileBySlug(db: Executor, slug: string) {
	return db.selectFrom('organizations').select(PROFILE_COLUMNS).where('slug', '=', slug).executeTakeFirst();
}

export function findProfileById(db: Executor, id: string) {
	return db.selectFrom('organizations').select(PROFILE_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export type ProfileRow = NonNullable<Awaited<ReturnType<typeof findProfileById>>>;

/** Locks the row so two admins saving at once apply one after the other. */
export function lockOrganization(db: Executor, id: string) {
	return db
		.selectFrom('organizations')
		.select(['id', 'logo_upload_id'])
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
}

export function updateOrganization(db: Executor, id: string, changes: Updateable<OrganizationsTable>) {
	return db
		.updateTable('organizations')
		.set({ ...changes, updated_at: new Date() })
		.where('id', '=', id)
		.execute();
}

/** Members who chose to be listed, owners and admins first. */
export function listListedPeople(db: Executor, orgId: string) {
	return db
		.selectFrom('memberships')
		.innerJoin('users', 'users.id', 'memberships.user_id')
		.select(['users.id', 'users.name', 'users.title', 'users.expertise'])
		.where('memberships.org_id', '=', orgId)
		.where('users.directory_listed', '=', true)
		.where('users.disabled_at', 'is', null)
		.orderBy((eb) => eb.case().when('memberships.role', '=', 'member').then(1).else(0).end())
		.orderBy('users.name')
		.execute();
}

export function insertLogoUpload(db: Executor, upload: { orgId: string; bytes: Uint8Array; createdBy: string }) {
	return db
		.insertInto('uploads')
		.values({
			org_id: upload.orgId,
			purpose: 'logo',
			content_type: 'image/webp',
			size_bytes: upload.bytes.byteLength,
			bytes: upload.bytes,
			created_by: upload.createdBy
		})
		.returning(['id'])
		.executeTakeFirstOrThrow();
}

export function deleteUpload(db: Executor, id: string) {
	return db.deleteFrom('uploads').where('id', '=', id).execute();
}

/** Logo bytes by id; attachments and unknown ids look the same (undefined). */
export function findLogo(db: Executor, id: string) {
	return db
		.selectFrom('uploads')
		.select(['content_type', 'bytes', 'size_bytes'])
		.where('id', '=', id)
		.where('purpose', '=', 'logo')
		.executeTakeFirst();
}

export function findListing(db: Executor, userId: string) {
	return db
		.selectFrom('users')
		.select(['title', 'expertise', 'directory_listed'])
		.where('id', '=', userId)
		.executeTakeFirst();
}

export function updateListing(
	db: Executor,
	userId: string,
	listing: { title: string; expertise: string; directoryListed: boolean }
) {
	return db
		.updateTable('users')
		.set({
			title: listing.title,
			expertise: listing.expertise,
			directory_listed: listing.directoryListed,
			updated_at: new Date()
		})
		.where('id', '=', userId)
		.execute();
}
