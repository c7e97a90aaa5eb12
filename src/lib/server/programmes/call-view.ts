// What the call page shows a viewer: the call, its open state by the database's clock, the
// selected companies once decided, and for each organisation the viewer administers, its application.
import { sql } from 'kysely';
import type { Executor } from '../db';
import { NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { isCallManager, listAdminOrgs } from './access';
import { checkEligibility } from './eligibility';
import * as programmeRepository from './repository';

export async function readCall(db: Executor, callId: string) {
	const call = await programmeRepository.findCall(db, callId);
	if (!call) throw new NotFoundError();
	const [org, field, clock, selected] = await Promise.all([
		db
			.selectFrom('organizations')
			.select(['name_ko', 'name_en', 'slug'])
			.where('id', '=', call.org_id)
			.executeTakeFirstOrThrow(),
		call.field_term_id
			? db
					.selectFrom('taxonomy_terms')
					.select(['name_ko', 'name_en'])
					.where('id', '=', call.field_term_id)
					.executeTakeFirst()
			: Promise.resolve(undefined),
		sql<{
			open: boolean;
			upcoming: boolean;
		}>`select now() >= ${call.opens_at} and now() < ${call.closes_at} as open, now() < ${call.opens_at} as upcoming`
			.execute(db)
			.then((r) => r.rows[0]),
		programmeRepository.listCallApplications(db, callId, ['selected'])
	]);
	return {
		call,
		org,
		field: field ?? null,
		isOpen: clock.open,
		isUpcoming: clock.upcoming,
		selected: selected.map((s) => ({ name_ko: s.name_ko, name_en: s.name_en, slug: s.slug }))
	};
}

export async function readViewerState(db: Executor, actor: Actor, callId: string) {
	const call = (await programmeRepository.findCall(db, callId))!;
	const orgs = await listAdminOrgs(db, actor.id);
	const applicants = [];
	for (const org of orgs) {
		const application = await programmeRepository.findApplicationFor(db, callId, org.id);
		const files = application ? await programmeRepository.listApplicationFiles(db, application.id) : [];
		applicants.push({
			org,
			application: application ?? null,
			files,
			brokenRules: await checkEligibility(db, org.id, call)
		});
	}
	return {
		applicants,
		isManager: await isCallManager(db, actor, call),
		isReviewer: await programmeRepository.isReviewer(db, callId, actor.id)
	};
}
