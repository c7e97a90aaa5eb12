// Polls in the live room: the moderator asks (one open poll at a time), every participant answers
// once while it is open, and the tally goes to the room as it changes. Opening and closing are audited.
import type { Kysely } from 'kysely';
import type { DB } from '../../db';
import type { LivePoll } from '$lib/realtime/ir-room-types';
import { recordAudit } from '../../audit/repository';
import { isUniqueViolation } from '../../db/errors';
import { NotFoundError } from '../../errors';
import { requireOpenSession, type AuditContext } from './chat';
import { LivePollError } from './errors';
import * as pollsRepository from './polls-repository';
import type { PollWithTally } from './polls-repository';

export const toLivePoll = (poll: PollWithTally): LivePoll => ({
	id: poll.id,
	eventId: poll.event_id,
	question: poll.question,
	status: poll.status,
	options: poll.options,
	total: poll.options.reduce((sum, option) => sum + option.votes, 0),
	createdAt: poll.created_at.toISOString(),
	closedAt: poll.closed_at?.toISOString() ?? null
});

/** How often, at most, a poll's tally goes to the room while answers arrive. */
export const POLL_PUSH_MS = 300;

/** The poll as it stands now. */
export async function currentTally(db: Kysely<DB>, eventId: string, pollId: string): Promise<LivePoll> {
	const [poll] = await pollsRepository.listPollsWithTally(db, eventId, { pollId });
	if (!poll) throw new NotFoundError();
	return toLivePoll(poll);
}

export async function createPoll(
	db: Kysely<DB>,
	actorId: string,
	eventId: string,
	input: { question: string; options: string[] },
	context: AuditContext
): Promise<LivePoll> {
	await requireOpenSession(db, eventId);
	let pollId: string;
	try {
		pollId = await db.transaction().execute(async (trx) => {
			if (await pollsRepository.hasOpenPoll(trx, eventId)) throw new LivePollError('poll_open');
			const id = await pollsRepository.insertPoll(trx, eventId, actorId, input.question, input.options);
			await recordAudit(trx, {
				actorId,
				action: 'ir.poll_opened',
				entityType: 'ir_event',
				entityId: eventId,
				data: { pollId: id, options: input.options.length },
				ip: context.ip
			});
			return id;
		});
	} catch (error) {
		// Two moderators opening a poll at the same instant: the partial unique index lets one through.
		if (isUniqueViolation(error, 'ir_polls_one_open')) throw new LivePollError('poll_open');
		throw error;
	}
	return currentTally(db, eventId, pollId);
}

/** One answer per person while the poll is open; the option must be one of the poll's. */
export async function answerPoll(
	db: Kysely<DB>,
	eventId: string,
	userId: string,
	pollId: string,
	optionId: string
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		// Shared lock: answers run in parallel, but never past a close that has committed.
		const poll = await trx
			.selectFrom('ir_polls')
			.select(['id', 'status'])
			.where('id', '=', pollId)
			.where('event_id', '=', eventId)
			.forShare()
			.executeTakeFirst();
		if (!poll) throw new NotFoundError();
		if (poll.status !== 'open') throw new LivePollError('poll_closed');
		if (!(await pollsRepository.optionBelongsToPoll(trx, pollId, optionId))) throw new NotFoundError();
		if (!(await pollsRepository.insertAnswer(trx, pollId, optionId, userId)))
			throw new LivePollError('already_answered');
	});
}

export async function closePoll(
	db: Kysely<DB>,
	actorId: string,
	eventId: string,
	pollId: string,
	context: AuditContext,
	now = new Date()
): Promise<LivePoll> {
	await db.transaction().execute(async (trx) => {
		const poll = await pollsRepository.findPoll(trx, eventId, pollId, { lock: true });
		if (!poll) throw new NotFoundError();
		if (poll.status !== 'open') throw new LivePollError('poll_closed');
		await pollsRepository.closePoll(trx, pollId, now);
		await recordAudit(trx, {
			actorId,
			action: 'ir.poll_closed',
			entityType: 'ir_event',
			entityId: eventId,
			data: { pollId },
			ip: context.ip
		});
	});
	return currentTally(db, eventId, pollId);
}

/** The room's polls (newest first) and the person's answers, for the join snapshot. */
export async function pollsForParticipant(db: Kysely<DB>, eventId: string, userId: string) {
	const [polls, answers] = await Promise.all([
		pollsRepository.listPollsWithTally(db, eventId),
		pollsRepository.answersOf(db, eventId, userId)
	]);
	return { polls: polls.map(toLivePoll), answers };
}
