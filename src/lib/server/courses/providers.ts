// Which organisations a person may author courses for (access.ts listAuthorableOrgIds; operators: every
// organisation), with their names. The provider of a new course is one of these; the manage page is
// open to anyone with one.
import type { Executor } from '../db';
import type { Actor } from '../orgs/access';
import { listAuthorableOrgIds } from './access';

export type ProviderChoice = { id: string; name_ko: string; name_en: string };

export async function listProviderChoices(db: Executor, actor: Actor): Promise<ProviderChoice[]> {
	let query = db.selectFrom('organizations').select(['id', 'name_ko', 'name_en']).orderBy('name_ko');
	if (!actor.isOperator) {
		const ids = await listAuthorableOrgIds(db, actor);
		if (!ids.length) return [];
		query = query.where('id', 'in', ids);
	}
	return query.execute();
}
