// The operator's taxonomy rules: terms are bilingual, slugs unique per vocabulary, and every change
// re-indexes the organisations that carry the term, in the same transaction, with an audit row.
import type { Kysely } from 'kysely';
import type { DB } from '../db';
import type { Vocabulary } from '../db/directory-types';
import { isUniqueViolation } from '../db/errors';
import { recordAudit } from '../audit/repository';
import { NotFoundError } from '../errors';
import { TermSlugTakenError } from './errors';
import { refreshSearchDocument } from './search-index';
import * as taxonomyRepository from './taxonomy-repository';
import { announceTaxonomyChange } from './taxonomy-cache';

type Term = { name_ko: string; name_en: string; sort_order: number };

export async function createTerm(
	db: Kysely<DB>,
	operatorId: string,
	input: Term & { vocabulary: Vocabulary; slug: string },
	ip: string | null
) {
	try {
		return await db.transaction().execute(async (trx) => {
			const term = await taxonomyRepository.insertTerm(trx, input);
			await announceTaxonomyChange(trx);
			await recordAudit(trx, {
				actorId: operatorId,
				action: 'taxonomy.created',
				entityType: 'taxonomy_term',
				entityId: term.id,
				data: { ...input },
				ip
			});
			return term;
		});
	} catch (error) {
		if (isUniqueViolation(error)) throw new TermSlugTakenError();
		throw error;
	}
}

export async function updateTerm(db: Kysely<DB>, operatorId: string, id: string, input: Term, ip: string | null) {
	return db.transaction().execute(async (trx) => {
		const term = await taxonomyRepository.updateTerm(trx, id, input);
		if (!term) throw new NotFoundError();
		await announceTaxonomyChange(trx);
		for (const orgId of await taxonomyRepository.listOrganizationIdsWithTerm(trx, id))
			await refreshSearchDocument(trx, orgId);
		await recordAudit(trx, {
			actorId: operatorId,
			action: 'taxonomy.updated',
			entityType: 'taxonomy_term',
			entityId: id,
			data: { ...input },
			ip
		});
		return term;
	});
}

export async function deleteTerm(db: Kysely<DB>, operatorId: string, id: string, ip: string | null) {
	return db.transaction().execute(async (trx) => {
		const orgIds = await taxonomyRepository.listOrganizationIdsWithTerm(trx, id);
		if (!(await taxonomyRepository.deleteTerm(trx, id))) throw new NotFoundError();
		await announceTaxonomyChange(trx);
		for (const orgId of orgIds) await refreshSearchDocument(trx, orgId);
		await recordAudit(trx, {
			actorId: operatorId,
			action: 'taxonomy.deleted',
			entityType: 'taxonomy_term',
			entityId: id,
			data: { organizations: orgIds.length },
			ip
		});
	});
}
