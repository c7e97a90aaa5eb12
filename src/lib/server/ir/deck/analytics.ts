// The deck's reading per investor firm for the session's team: viewers, total time, time per page and
// how many saw the last page. Viewers count for the firm they attend for (attendingOrgId).
import type { Executor } from '../../db';
import { toCsv } from '../../common/csv';
import { attendingOrgId } from '../access';

export type DeckViewRow = { userId: string; firm: string; page: number; seconds: number; lastPage: number };
export type FirmDeckStats = {
	firm: string;
	viewers: number;
	totalSeconds: number;
	/** Seconds per page, index 0 = page 1, as long as the longest deck version read. */
	pageSeconds: number[];
	completed: number;
};

/** Sums the rows per firm (firms by total time, longest first). */
export function aggregateDeckViews(rows: DeckViewRow[]): FirmDeckStats[] {
	const firms = new Map<string, { users: Set<string>; done: Set<string>; pages: number[]; total: number }>();
	for (const row of rows) {
		const firm = firms.get(row.firm) ?? { users: new Set(), done: new Set(), pages: [], total: 0 };
		firms.set(row.firm, firm);
		firm.users.add(row.userId);
		if (row.page === row.lastPage) firm.done.add(row.userId);
		while (firm.pages.length < row.page) firm.pages.push(0);
		firm.pages[row.page - 1] += row.seconds;
		firm.total += row.seconds;
	}
	return [...firms.entries()]
		.map(([firm, f]) => ({
			firm,
			viewers: f.users.size,
			totalSeconds: f.total,
			pageSeconds: f.pages,
			completed: f.done.size
		}))
		.sort((a, b) => b.totalSeconds - a.totalSeconds || a.firm.localeCompare(b.firm));
}

/** The session's deck reading per firm; `noFirm` names viewers without a verified organisation. */
export async function deckAnalytics(db: Executor, eventId: string, locale: 'ko' | 'en', noFirm: string) {
	const views = await db
		.selectFrom('ir_deck_page_views as v')
		.select(['v.user_id', 'v.page', 'v.seconds', 'v.deck_pages'])
		.where('v.event_id', '=', eventId)
		.execute();
	const firmOf = new Map<string, string>();
	for (const userId of new Set(views.map((v) => v.user_id))) {
		const orgId = await attendingOrgId(db, userId);
		const org = orgId
			? await db.selectFrom('organizations').select(['name_ko', 'name_en']).where('id', '=', orgId).executeTakeFirst()
			: undefined;
		firmOf.set(userId, org ? (locale === 'ko' ? org.name_ko : org.name_en) : noFirm);
	}
	return aggregateDeckViews(
		views.map((v) => ({
			userId: v.user_id,
			firm: firmOf.get(v.user_id)!,
			page: v.page,
			seconds: v.seconds,
			lastPage: v.deck_pages
		}))
	);
}

export type DeckCsvLabels = { firm: string; viewers: string; totalSeconds: string; completed: string; page: string };

/** One row per firm: viewers, total seconds, completed viewers, then seconds per page. */
export function deckCsv(stats: FirmDeckStats[], labels: DeckCsvLabels): string {
	const pages = Math.max(0, ...stats.map((s) => s.pageSeconds.length));
	const pageHeads = Array.from({ length: pages }, (_, i) => `${labels.page} ${i + 1}`);
	return toCsv([
		[labels.firm, labels.viewers, labels.totalSeconds, labels.completed, ...pageHeads],
		...stats.map((s) => [
			s.firm,
			s.viewers,
			s.totalSeconds,
			s.completed,
			...Array.from({ length: pages }, (_, i) => s.pageSeconds[i] ?? 0)
		])
	]);
}
