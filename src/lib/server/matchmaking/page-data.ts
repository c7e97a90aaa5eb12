// What the /matchmaking page shows a person: for each of their companies and investors the suggestions
// (with why lines), the thesis form where they administer an investor, and the days they are invited to.
import { sql } from 'kysely';
import type { Executor } from '../db';
import type { SessionUser } from '../auth/session';
import { listTerms } from '../directory/taxonomy-repository';
import { whyLines } from './api-shapes';
import { suggestionsFor } from './access';
import { findThesis } from './thesis-repository';
import { listSlots } from './day-repository';

export async function matchmakingPage(db: Executor, user: SessionUser, locale: 'ko' | 'en') {
	const memberships = await db
		.selectFrom('memberships as ms')
		.innerJoin('organizations as o', 'o.id', 'ms.org_id')
		.select(['o.id', 'o.slug', 'o.kind', 'o.name_ko', 'o.name_en', 'ms.role'])
		.where('ms.user_id', '=', user.id)
		.where('o.status', '=', 'verified')
		.where('o.kind', 'in', ['company', 'investor'])
		.orderBy('o.name_en')
		.execute();
	const orgs = [];
	for (const org of memberships) {
		const { suggestions } = await suggestionsFor(db, user, org.id);
		const admin = org.role === 'owner' || org.role === 'admin';
		orgs.push({
			...org,
			admin,
			thesis: org.kind === 'investor' ? await findThesis(db, org.id) : null,
			suggestions: suggestions.map((s) => ({
				slug: s.slug,
				name_ko: s.name_ko,
				name_en: s.name_en,
				why: whyLines(s, locale)
			}))
		});
	}
	const fields = orgs.some((o) => o.kind === 'investor' && o.admin) ? await listTerms(db, 'field') : [];
	return {
		orgs,
		fields,
		days: await daysFor(
			db,
			user,
			memberships.map((o) => o.id)
		)
	};
}

/** Upcoming days the user's organisations are invited to (all of them for an operator). */
async function daysFor(db: Executor, user: SessionUser, orgIds: string[]) {
	if (orgIds.length === 0 && !user.isOperator) return [];
	const days = await db
		.selectFrom('matchmaking_days')
		.selectAll()
		.where('ends_at', '>', sql<Date>`now() - interval '1 day'`)
		.$if(!user.isOperator, (q) =>
			q.where(({ exists, selectFrom }) =>
				exists(
					selectFrom('matchmaking_participants as p')
						.whereRef('p.day_id', '=', 'matchmaking_days.id')
						.where('p.org_id', 'in', orgIds)
				)
			)
		)
		.orderBy('starts_at')
		.execute();
	const result = [];
	for (const day of days) {
		const participants = await db
			.selectFrom('matchmaking_participants as p')
			.innerJoin('organizations as o', 'o.id', 'p.org_id')
			.select(['o.id', 'o.name_ko', 'o.name_en', 'p.side'])
			.where('p.day_id', '=', day.id)
			.orderBy('o.name_en')
			.execute();
		const mine = participants.filter((p) => orgIds.includes(p.id));
		const picks = mine.length
			? await db
					.selectFrom('matchmaking_picks')
					.select(['picker_org_id', 'picked_org_id'])
					.where('day_id', '=', day.id)
					.where(
						'picker_org_id',
						'in',
						mine.map((p) => p.id)
					)
					.execute()
			: [];
		const slots = (await listSlots(db, day.id)).filter(
			(s) => user.isOperator || orgIds.includes(s.startup_org_id) || orgIds.includes(s.investor_org_id)
		);
		result.push({
			id: day.id,
			title: day.title,
			startsAt: day.starts_at.toISOString(),
			endsAt: day.ends_at.toISOString(),
			picksCloseAt: day.picks_close_at.toISOString(),
			open: !day.scheduled_at && day.picks_close_at > new Date(),
			scheduled: day.scheduled_at !== null,
			location: day.location,
			online: day.online,
			mine: mine.map((me) => ({
				...me,
				others: participants
					.filter((p) => p.side !== me.side)
					.map((p) => ({ ...p, picked: picks.some((k) => k.picker_org_id === me.id && k.picked_org_id === p.id) }))
			})),
			slots: slots.map((s) => ({
				...s,
				starts_at: new Date(s.starts_at).toISOString(),
				ends_at: new Date(s.ends_at).toISOString()
			}))
		});
	}
	return result;
}
