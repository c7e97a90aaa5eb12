// Queries of the live room's polls: the poll with its options, the tally, and who answered what.
import { sql } from 'kysely';
import type { Executor } from '../../db';

/** How many polls the room keeps showing (newest first); older ones stay in the export. */
const POLL_HISTORY = 20;

export async function insertPoll(
	db: Executor,
	eventId: string,
	createdBy: string,
	question: string,
	options: string[]
) {
	const poll = await db
		.insertInto('ir_polls')
		.values({ event_id: eventId, created_by: createdBy, question })
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('ir_poll_options')
		.values(options.map((label, position) => ({ poll_id: poll.id, position, label })))
		.execute();
	return poll.id;
}

export function findPoll(db: Executor, eventId: string, pollId: string, options: { lock?: boolean } = {}) {
	let query = db.selectFrom('ir_polls').selectAll().where('id', '=', pollId).where('event_id', '=', eventId);
	if (options.lock) query = query.forUpdate();
	return query.executeTakeFirst();
}

export const hasOpenPoll = async (db: Executor, eventId: string) =>
	(await db
		.selectFrom('ir_polls')
		.select('id')
		.where('event_id', '=', eventId)
		.where('status', '=', 'open')
		.executeTakeFirst()) !== undefined;

/** One answer per person and poll: false when the person had answered already. */
export async function insertAnswer(db: Executor, pollId: string, optionId: string, userId: string): Promise<boolean> {
	const inserted = await db
		.insertInto('ir_poll_answers')
		.values({ poll_id: pollId, option_id: optionId, user_id: userId })
		.onConflict((oc) => oc.columns(['poll_id', 'user_id']).doNothing())
		.returning('poll_id')
		.executeTakeFirst();
	return inserted !== undefined;
}

export const optionBelongsToPoll = async (db: Executor, pollId: string, optionId: string) =>
	(await db
		.selectFrom('ir_poll_options')
		.select('id')
		.where('poll_id', '=', pollId)
		.where('id', '=', optionId)
		.executeTakeFirst()) !== undefined;

export function closePoll(db: Executor, pollId: string, at: Date) {
	return db
		.updateTable('ir_polls')
		.set({ status: 'closed', closed_at: at })
		.where('id', '=', pollId)
		.where('status', '=', 'open')
		.returning('id')
		.executeTakeFirst();
}

export type PollWithTally = {
	id: string;
	event_id: string;
	question: string;
	status: 'open' | 'closed';
	created_at: Date;
	closed_at: Date | null;
	options: { id: string; label: string; votes: number }[];
};

/** Polls of the event (one, or the latest `POLL_HISTORY`; every one with `all`), newest first, each with its tally. */
export async function listPollsWithTally(
	db: Executor,
	eventId: string,
	options: { pollId?: string; all?: boolean } = {}
): Promise<PollWithTally[]> {
	let polls = db
		.selectFrom('ir_polls')
		.select(['id', 'event_id', 'question', 'status', 'created_at', 'closed_at'])
		.where('event_id', '=', eventId);
	if (options.pollId) polls = polls.where('id', '=', options.pollId);
	polls = polls.orderBy('created_at', 'desc').orderBy('id');
	if (!options.all) polls = polls.limit(POLL_HISTORY);
	const rows = await polls.execute();
	if (rows.length === 0) return [];
	const tally = await db
		.selectFrom('ir_poll_options as o')
		.leftJoin('ir_poll_answers as a', 'a.option_id', 'o.id')
		.select(['o.id', 'o.poll_id', 'o.label', 'o.position', sql<number>`count(a.user_id)::int`.as('votes')])
		.where(
			'o.poll_id',
			'in',
			rows.map((r) => r.id)
		)
		.groupBy(['o.id', 'o.poll_id', 'o.label', 'o.position'])
		.orderBy('o.position')
		.execute();
	return rows.map((poll) => ({
		...poll,
		options: tally
			.filter((o) => o.poll_id === poll.id)
			.map((o) => ({ id: o.id, label: o.label, votes: Number(o.votes) }))
	}));
}

/** The person's answers to the event's polls: poll id → option id. */
export async function answersOf(db: Executor, eventId: string, userId: string): Promise<Record<string, string>> {
	const rows = await db
		.selectFrom('ir_poll_answers as a')
		.innerJoin('ir_polls as p', 'p.id', 'a.poll_id')
		.select(['a.poll_id', 'a.option_id'])
		.where('p.event_id', '=', eventId)
		.where('a.user_id', '=', userId)
		.execute();
	return Object.fromEntries(rows.map((r) => [r.poll_id, r.option_id]));
}
