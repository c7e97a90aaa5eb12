// The call manager's view of the panel's work: per application, the mean weighted score, its spread
// across reviewers, and a ranking (best mean first; unreviewed last).
import type { Executor } from '../db';
import type { ProgrammeCallRow } from '../db/programmes-types';
import { REVIEWABLE } from './conflicts';
import * as programmeRepository from './repository';
import { weightedScore } from './reviews';

export type RankedApplication = Awaited<ReturnType<typeof programmeRepository.listCallApplications>>[number] & {
	reviews: number;
	mean: number | null;
	spread: number | null;
	rank: number | null;
	comments: { name: string; comment: string }[];
};

export function summarise(totals: number[]): { mean: number | null; spread: number | null } {
	if (totals.length === 0) return { mean: null, spread: null };
	const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
	return {
		mean: Math.round(mean * 100) / 100,
		spread: Math.round((Math.max(...totals) - Math.min(...totals)) * 100) / 100
	};
}

export async function rankApplications(db: Executor, call: ProgrammeCallRow): Promise<RankedApplication[]> {
	const applications = await programmeRepository.listCallApplications(db, call.id, [...REVIEWABLE]);
	const reviews = applications.length
		? await db
				.selectFrom('programme_reviews as r')
				.innerJoin('users as u', 'u.id', 'r.reviewer_id')
				.select(['r.application_id', 'r.scores', 'r.comment', 'u.name'])
				.where(
					'r.application_id',
					'in',
					applications.map((a) => a.id)
				)
				.where('r.submitted_at', 'is not', null)
				.execute()
		: [];
	const rows = applications.map((a) => {
		const mine = reviews.filter((r) => r.application_id === a.id);
		const totals = mine.map((r) => weightedScore(call.rubric, r.scores)).filter((t): t is number => t !== null);
		return {
			...a,
			reviews: totals.length,
			...summarise(totals),
			rank: null as number | null,
			comments: mine.filter((r) => r.comment).map((r) => ({ name: r.name, comment: r.comment }))
		};
	});
	rows.sort((x, y) => (y.mean ?? -1) - (x.mean ?? -1));
	let rank = 0;
	for (const row of rows) if (row.mean !== null) row.rank = ++rank;
	return rows;
}
