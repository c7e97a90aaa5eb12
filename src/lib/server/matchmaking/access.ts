// Who may read suggestions: members of the organisation they are for (operators may look on).
import type { Executor } from '../db';
import { NotFoundError } from '../errors';
import { isMemberOf } from '../needs/access';
import type { Actor } from '../orgs/access';
import * as orgRepository from '../orgs/repository';
import { suggestInvestorsForStartup, suggestStartupsForInvestor, type Suggestion } from './suggestions';

/** Investors for a company, companies for an investor; 404 for anybody outside the organisation. */
export async function suggestionsFor(
	db: Executor,
	actor: Actor,
	orgId: string
): Promise<{ side: 'startup' | 'investor' | null; suggestions: Suggestion[] }> {
	const org = await orgRepository.findOrganizationById(db, orgId);
	if (!org || !(actor.isOperator || (await isMemberOf(db, actor.id, orgId)))) throw new NotFoundError();
	if (org.kind === 'company') return { side: 'startup', suggestions: await suggestInvestorsForStartup(db, orgId) };
	if (org.kind === 'investor') return { side: 'investor', suggestions: await suggestStartupsForInvestor(db, orgId) };
	return { side: null, suggestions: [] };
}
