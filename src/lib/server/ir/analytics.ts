// After a session: registrants, attendees, peak viewers, average watch time, questions, chat and
// meeting requests, and who registered and attended. For the startup's admins, presenters, the
// moderator and operators; anybody else gets a 404.
import { sql } from 'kysely';
import type { Executor } from '../db';
import { IR_QUESTION_STATUSES, type IrQuestionStatus } from '../db/ir-live-types';
import { NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { toCsv } from '$lib/server/common/csv';
import { requireVisibleEvent } from './service';
import { listPollsWithTally, type PollWithTally } from './live/polls-repository';

/** The session for its team (startup admins, presenters, moderator, operators), else 404. */
export async function requireEventTeam(db: Executor, actor: Actor, eventId: string) {
	const { event, role } = await requireVisibleEvent(db, actor, eventId);
	if (!role.team) throw new NotFoundError();
	return { event, role };
}

export type EventAnalytics = {
	registrants: number;
	attendees: number;
	peakViewers: number;
	/** Mean over attendees of each one's summed (left_at − joined_at); open rows count to ended_at. */
	averageWatchSeconds: number;
	questions: Record<IrQuestionStatus, number> & { total: number };
	chatMessages: number;
	meetingRequests: number;
};

export async function computeAnalytics(
	db: Executor,
	event: { id: string; peak_viewers: number; ended_at: Date | null },
	now = new Date()
): Promise<EventAnalytics> {
	const until = event.ended_at ?? now;
	const [registrants, watch, questions, chat, meetings] = await Promise.all([
		db
			.selectFrom('ir_registrations')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.where('event_id', '=', event.id)
			.where('cancelled_at', 'is', null)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom(
				db
					.selectFrom('ir_attendance')
					.select('user_id')
					.select(
						sql<number>`sum(greatest(0, extract(epoch from (coalesce(left_at, ${until}::timestamptz) - joined_at))))`.as(
							'seconds'
						)
					)
					.where('event_id', '=', event.id)
					.groupBy('user_id')
					.as('per_user')
			)
			.select([sql<string>`count(*)`.as('attendees'), sql<string | null>`avg(seconds)`.as('average')])
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('ir_questions')
			.select(['status', (eb) => eb.fn.countAll<string>().as('n')])
			.where('event_id', '=', event.id)
			.groupBy('status')
			.execute(),
		db
			.selectFrom('ir_chat_messages')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.where('event_id', '=', event.id)
			.where('deleted_at', 'is', null)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('meeting_requests')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.where('context_type', '=', 'ir_event')
			.where('context_id', '=', event.id)
			.executeTakeFirstOrThrow()
	]);
	const byStatus = Object.fromEntries(IR_QUESTION_STATUSES.map((s) => [s, 0])) as Record<IrQuestionStatus, number>;
	for (const row of questions) byStatus[row.status] = Number(row.n);
	return {
		registrants: Number(registrants.n),
		attendees: Number(watch.attendees),
		peakViewers: event.peak_viewers,
		averageWatchSeconds: watch.average === null ? 0 : Math.round(Number(watch.average)),
		questions: { ...byStatus, total: Object.values(byStatus).reduce((a, b) => a + b, 0) },
		chatMessages: Number(chat.n),
		meetingRequests: Number(meetings.n)
	};
}

/** Active registrations with the registrant's name, organisation and whether they came. */
export function listRegistrants(db: Executor, eventId: string) {
	return db
		.selectFrom('ir_registrations as r')
		.innerJoin('users as u', 'u.id', 'r.user_id')
		.leftJoin('organizations as o', 'o.id', 'r.org_id')
		.select([
			'u.id',
			'u.name',
			'o.name_ko as org_name_ko',
			'o.name_en as org_name_en',
			'r.registered_at',
			'r.nda_version'
		])
		.select(
			sql<boolean>`exists (select 1 from ir_attendance a where a.event_id = r.event_id and a.user_id = r.user_id)`.as(
				'attended'
			)
		)
		.where('r.event_id', '=', eventId)
		.where('r.cancelled_at', 'is', null)
		.orderBy('r.registered_at')
		.orderBy('u.name')
		.execute();
}

export function listQuestions(db: Executor, eventId: string) {
	return db
		.selectFrom('ir_questions as q')
		.leftJoin('users as u', 'u.id', 'q.user_id')
		.select(['q.id', 'q.body', 'q.status', 'q.votes', 'q.created_at', 'u.name as author'])
		.where('q.event_id', '=', eventId)
		.orderBy('q.votes', 'desc')
		.orderBy('q.created_at')
		.execute();
}

export type CsvLabels = {
	askedAt: string;
	author: string;
	status: string;
	votes: string;
	question: string;
	statusLabel: (s: IrQuestionStatus) => string;
};

/** The Q&A as CSV (BOM, CRLF, RFC 4180 quoting, formula-injection guard from the shared helper). */
export function questionsCsv(questions: Awaited<ReturnType<typeof listQuestions>>, labels: CsvLabels): string {
	return toCsv([
		[labels.askedAt, labels.author, labels.status, labels.votes, labels.question],
		...questions.map((q) => [q.created_at.toISOString(), q.author ?? '', labels.statusLabel(q.status), q.votes, q.body])
	]);
}

/** Every poll of the session with its tally, oldest first (the export's order). */
export async function listPollResults(db: Executor, eventId: string) {
	return (await listPollsWithTally(db, eventId, { all: true })).reverse();
}

export type PollCsvLabels = {
	question: string;
	openedAt: string;
	closedAt: string;
	option: string;
	votes: string;
	share: string;
};

/** The polls as CSV: one row per answer option, with its votes and share of the poll's answers. */
export function pollsCsv(polls: PollWithTally[], labels: PollCsvLabels): string {
	return toCsv([
		[labels.question, labels.openedAt, labels.closedAt, labels.option, labels.votes, labels.share],
		...polls.flatMap((poll) => {
			const total = poll.options.reduce((sum, o) => sum + o.votes, 0);
			return poll.options.map((o) => [
				poll.question,
				poll.created_at.toISOString(),
				poll.closed_at?.toISOString() ?? '',
				o.label,
				o.votes,
				total ? Math.round((o.votes / total) * 1000) / 10 : 0
			]);
		})
	]);
}
