// Seeds the demo clinical needs: posted once each (found again by hospital and English title), with
// responses, a reviewer, threads and one accepted match. Idempotent: a second run changes nothing.
import type { Transaction } from 'kysely';
import type { DB } from '../db/types';
import { refreshNeedSearch } from '../needs/repository';
import { DEMO_NEEDS, type DemoNeed } from './needs-data';

type Ids = { orgIds: Map<string, string>; userIds: Map<string, string> };

const POSTED_AT = Date.parse('2026-11-02T09:00:00+09:00');
const HOUR_MS = 60 * 60 * 1000;
/** The accepted match: Wonju Severance's AF screening need and Pulsewise. */
const MATCH = { need: 0, company: 'pulsewise' };
const THREAD: [side: 'hospital' | 'company', body: string][] = [
	[
		'hospital',
		'제안 감사합니다. 12월 첫 주에 연구 책임자와 회의를 잡고 싶습니다. / Thank you. Could we meet the PI in the first week of December?'
	],
	[
		'company',
		'좋습니다. 12월 2일 오후 2시에 원주로 방문하겠습니다. / Certainly: we will visit Wonju on 2 December at 2 pm.'
	],
	[
		'hospital',
		'확인했습니다. IRB 서류 초안을 미리 공유드리겠습니다. / Confirmed. We will share the IRB draft beforehand.'
	]
];

const requireId = (map: Map<string, string>, key: string, what: string) => {
	const id = map.get(key);
	if (!id) throw new Error(`Needs seed names an unknown ${what}: ${key}`);
	return id;
};

async function firstOwner(trx: Transaction<DB>, orgId: string) {
	const row = await trx
		.selectFrom('memberships')
		.innerJoin('users', 'users.id', 'memberships.user_id')
		.select('users.id')
		.where('org_id', '=', orgId)
		.where('role', '=', 'owner')
		.orderBy('users.email')
		.executeTakeFirst();
	if (!row) throw new Error(`Needs seed: organisation ${orgId} has no owner`);
	return row.id;
}

async function upsertNeed(trx: Transaction<DB>, need: DemoNeed, index: number, ids: Ids, terms: Map<string, string>) {
	const hospitalId = requireId(ids.orgIds, need.hospital, 'hospital');
	const existing = await trx
		.selectFrom('needs')
		.select('id')
		.where('hospital_org_id', '=', hospitalId)
		.where('title_en', '=', need.title[1])
		.executeTakeFirst();
	if (existing) return existing.id;
	const created = await trx
		.insertInto('needs')
		.values({
			hospital_org_id: hospitalId,
			author_id: requireId(ids.userIds, need.author, 'author'),
			locale: 'ko',
			title_ko: need.title[0],
			title_en: need.title[1],
			description_ko: need.description[0],
			description_en: need.description[1],
			department_term_id: requireId(terms, need.department, 'department'),
			type: need.type,
			required_stage: need.stage,
			support_budget: need.support.includes('budget'),
			support_patients: need.support.includes('patients'),
			support_data: need.support.includes('data'),
			support_space: need.support.includes('space'),
			deadline: need.deadline,
			visibility: need.visibility ?? 'all_members',
			created_at: new Date(POSTED_AT + index * 7 * HOUR_MS)
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	if (need.terms.length)
		await trx
			.insertInto('need_terms')
			.values(need.terms.map((slug) => ({ need_id: created.id, term_id: requireId(terms, slug, 'term') })))
			.execute();
	if (need.invited?.length)
		await trx
			.insertInto('need_invitations')
			.values(
				need.invited.map((slug) => ({ need_id: created.id, org_id: requireId(ids.orgIds, slug, 'organisation') }))
			)
			.execute();
	await refreshNeedSearch(trx, created.id);
	return created.id;
}

export async function seedNeeds(trx: Transaction<DB>, ids: Ids): Promise<{ needs: number; responses: number }> {
	const termRows = await trx.selectFrom('taxonomy_terms').select(['id', 'slug']).execute();
	const terms = new Map(termRows.map((t) => [t.slug, t.id]));
	let responses = 0;
	for (const [index, need] of DEMO_NEEDS.entries()) {
		const needId = await upsertNeed(trx, need, index, ids, terms);
		for (const [position, [slug, message]] of (need.responses ?? []).entries()) {
			const orgId = requireId(ids.orgIds, slug, 'company');
			await trx
				.insertInto('need_responses')
				.values({
					need_id: needId,
					org_id: orgId,
					author_id: await firstOwner(trx, orgId),
					message,
					created_at: new Date(POSTED_AT + (index * 7 + 24 + position) * HOUR_MS)
				})
				.onConflict((oc) => oc.columns(['need_id', 'org_id']).doNothing())
				.execute();
			responses += 1;
		}
	}
	await seedMatch(trx, ids);
	return { needs: DEMO_NEEDS.length, responses };
}

/** The accepted match, its reviewer and its thread: written once, when the thread is still empty. */
async function seedMatch(trx: Transaction<DB>, ids: Ids) {
	const demo = DEMO_NEEDS[MATCH.need];
	const need = await trx
		.selectFrom('needs')
		.select(['id', 'author_id'])
		.where('hospital_org_id', '=', requireId(ids.orgIds, demo.hospital, 'hospital'))
		.where('title_en', '=', demo.title[1])
		.executeTakeFirstOrThrow();
	const response = await trx
		.selectFrom('need_responses')
		.select(['id', 'author_id'])
		.where('need_id', '=', need.id)
		.where('org_id', '=', requireId(ids.orgIds, MATCH.company, 'company'))
		.executeTakeFirstOrThrow();
	const reviewer = requireId(ids.userIds, 'nayeon.kim@wonju-severance.example', 'reviewer');
	await trx
		.insertInto('need_reviewers')
		.values({ need_id: need.id, user_id: reviewer, assigned_by: reviewer })
		.onConflict((oc) => oc.doNothing())
		.execute();
	const decidedAt = new Date(POSTED_AT + 72 * HOUR_MS);
	await trx
		.updateTable('need_responses')
		.set({ status: 'accepted', decided_by: need.author_id, decided_at: decidedAt })
		.where('id', '=', response.id)
		.execute();
	await trx
		.updateTable('needs')
		.set({ status: 'matched', matched_response_id: response.id })
		.where('id', '=', need.id)
		.execute();
	const any = await trx
		.selectFrom('need_response_messages')
		.select('id')
		.where('response_id', '=', response.id)
		.executeTakeFirst();
	if (any) return;
	await trx
		.insertInto('need_response_messages')
		.values(
			THREAD.map(([side, body], i) => ({
				response_id: response.id,
				author_id: side === 'hospital' ? need.author_id : response.author_id,
				body,
				created_at: new Date(decidedAt.getTime() + (i + 1) * HOUR_MS)
			}))
		)
		.execute();
	await trx
		.insertInto('need_response_notes')
		.values({
			response_id: response.id,
			author_id: reviewer,
			body: '심전도 데이터 품질이 가장 좋음. / Best ECG data quality of the responses.',
			created_at: decidedAt
		})
		.execute();
}
