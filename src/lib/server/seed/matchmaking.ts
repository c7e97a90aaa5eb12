// Demo matchmaking: every demo investor states a thesis (so Pulsewise sees ranked investors with why
// lines), and one upcoming matchmaking day invites three startups and three investors, with a few picks
// (Pulsewise and Hanbit picked each other). Fixed dates and names: a second run changes nothing.
import type { Transaction } from 'kysely';
import type { DB } from '../db/types';
import type { InvestmentStage, ThesisRegulatoryStage } from '../db/matchmaking-types';

type Ids = { orgIds: Map<string, string>; userIds: Map<string, string> };
type SeedThesis = {
	stages: InvestmentStage[];
	regulatory: ThesisRegulatoryStage[];
	fields: string[];
	min: number;
	max: number;
};

const M = 1_000_000;
const THESES: Record<string, SeedThesis> = {
	'hanbit-medical-ventures': {
		stages: ['series_a', 'series_b'],
		regulatory: ['mfds_approved', 'clinical_trial'],
		fields: ['samd', 'ivd', 'rehabilitation'],
		min: 1000 * M,
		max: 5000 * M
	},
	'bluepeak-health-capital': {
		stages: ['seed', 'series_a'],
		regulatory: ['clinical_trial'],
		fields: ['digital-therapeutics', 'medical-ai', 'health-data'],
		min: 300 * M,
		max: 2000 * M
	},
	'k-medtech-accelerator': {
		stages: ['pre_seed', 'seed'],
		regulatory: ['pre_clinical'],
		fields: ['iomt', 'patient-monitoring'],
		min: 50 * M,
		max: 300 * M
	},
	'seoul-bio-angels': {
		stages: ['pre_seed', 'seed'],
		regulatory: ['pre_clinical', 'clinical_trial'],
		fields: ['wellness', 'digital-therapeutics'],
		min: 30 * M,
		max: 200 * M
	},
	'meridian-health-partners': {
		stages: ['series_b', 'series_c', 'growth'],
		regulatory: ['fda_cleared', 'ce_marked'],
		fields: ['imaging', 'surgical-devices'],
		min: 5000 * M,
		max: 30000 * M
	},
	'harbourline-capital': {
		stages: ['series_a', 'series_b'],
		regulatory: ['mfds_approved'],
		fields: ['medical-ai', 'imaging'],
		min: 2000 * M,
		max: 10000 * M
	}
};

const DAY = {
	title: '2027 봄 투자 매칭 데이 / Spring 2027 investor matchmaking day',
	starts_at: '2027-03-18T14:00:00+09:00',
	ends_at: '2027-03-18T17:00:00+09:00',
	picks_close_at: '2027-03-11T18:00:00+09:00',
	location: '원주 의료기기 테크노밸리 3층 세미나실 / Wonju Techno Valley, 3F seminar room',
	startups: ['pulsewise', 'lumenscan-ai', 'neurocare-dtx'],
	investors: ['hanbit-medical-ventures', 'bluepeak-health-capital', 'harbourline-capital'],
	picks: [
		['pulsewise', 'hanbit-medical-ventures'],
		['hanbit-medical-ventures', 'pulsewise'],
		['lumenscan-ai', 'harbourline-capital'],
		['neurocare-dtx', 'bluepeak-health-capital']
	]
};

export async function seedMatchmaking(trx: Transaction<DB>, { orgIds }: Ids): Promise<void> {
	const terms = new Map(
		(await trx.selectFrom('taxonomy_terms').select(['id', 'slug']).where('vocabulary', '=', 'field').execute()).map(
			(t) => [t.slug, t.id]
		)
	);
	for (const [slug, t] of Object.entries(THESES)) {
		const orgId = orgIds.get(slug);
		if (!orgId) continue;
		const values = { stages: t.stages, regulatory_stages: t.regulatory, ticket_min_krw: t.min, ticket_max_krw: t.max };
		await trx
			.insertInto('investor_theses')
			.values({ org_id: orgId, updated_by: null, ...values })
			.onConflict((oc) => oc.column('org_id').doUpdateSet(values))
			.execute();
		const termIds = t.fields.map((f) => terms.get(f)).filter((id): id is string => !!id);
		if (termIds.length)
			await trx
				.insertInto('investor_thesis_terms')
				.values(termIds.map((term_id) => ({ org_id: orgId, term_id })))
				.onConflict((oc) => oc.doNothing())
				.execute();
	}
	await seedDay(trx, orgIds);
}

async function seedDay(trx: Transaction<DB>, orgIds: Map<string, string>) {
	const existing = await trx
		.selectFrom('matchmaking_days')
		.select('id')
		.where('title', '=', DAY.title)
		.executeTakeFirst();
	const day =
		existing ??
		(await trx
			.insertInto('matchmaking_days')
			.values({
				title: DAY.title,
				starts_at: DAY.starts_at,
				ends_at: DAY.ends_at,
				slot_minutes: 30,
				location: DAY.location,
				picks_close_at: DAY.picks_close_at,
				created_by: null
			})
			.returning('id')
			.executeTakeFirstOrThrow());
	const participants = [
		...DAY.startups.map((slug) => ({ slug, side: 'startup' as const })),
		...DAY.investors.map((slug) => ({ slug, side: 'investor' as const }))
	].filter((p) => orgIds.has(p.slug));
	const sideOf = new Map(participants.map((p) => [p.slug, p.side]));
	if (participants.length)
		await trx
			.insertInto('matchmaking_participants')
			.values(participants.map((p) => ({ day_id: day.id, org_id: orgIds.get(p.slug)!, side: p.side })))
			.onConflict((oc) => oc.doNothing())
			.execute();
	const picks = DAY.picks.filter(([a, b]) => sideOf.has(a) && sideOf.has(b));
	if (picks.length)
		await trx
			.insertInto('matchmaking_picks')
			.values(
				picks.map(([a, b]) => ({
					day_id: day.id,
					picker_org_id: orgIds.get(a)!,
					picker_side: sideOf.get(a)!,
					picked_org_id: orgIds.get(b)!,
					picked_side: sideOf.get(b)!,
					created_by: null,
					created_at: DAY.picks_close_at
				}))
			)
			.onConflict((oc) => oc.doNothing())
			.execute();
}
