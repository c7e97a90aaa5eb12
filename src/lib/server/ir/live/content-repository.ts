// Queries of the room's chat and Q&A (persisted, loaded on join).
import { sql } from 'kysely';
import type { Executor } from '../../db';
import type { IrQuestionStatus } from '../../db/ir-live-types';

const CHAT_HISTORY = 200;

const chatColumns = [
	'ir_chat_messages.id',
	'ir_chat_messages.event_id',
	'ir_chat_messages.user_id',
	'users.name as author_name',
	'ir_chat_messages.body',
	'ir_chat_messages.created_at'
] as const;

export async function insertChatMessage(db: Executor, eventId: string, userId: string, body: string) {
	const { id } = await db
		.insertInto('ir_chat_messages')
		.values({ event_id: eventId, user_id: userId, body })
		.returning('id')
		.executeTakeFirstOrThrow();
	return findChatMessage(db, id).then((row) => row!);
}

export function findChatMessage(db: Executor, id: string) {
	return db
		.selectFrom('ir_chat_messages')
		.leftJoin('users', 'users.id', 'ir_chat_messages.user_id')
		.select([...chatColumns, 'ir_chat_messages.deleted_at'])
		.where('ir_chat_messages.id', '=', id)
		.executeTakeFirst();
}

/** The latest messages not deleted, oldest first. */
export async function listChatMessages(db: Executor, eventId: string) {
	const rows = await db
		.selectFrom('ir_chat_messages')
		.leftJoin('users', 'users.id', 'ir_chat_messages.user_id')
		.select(chatColumns)
		.where('ir_chat_messages.event_id', '=', eventId)
		.where('ir_chat_messages.deleted_at', 'is', null)
		.orderBy('ir_chat_messages.created_at', 'desc')
		.limit(CHAT_HISTORY)
		.execute();
	return rows.reverse();
}

/** When the user's recent chat messages or questions (since `since`) were sent, oldest first: the throttle's window. */
export async function recentPostTimes(
	db: Executor,
	table: 'ir_chat_messages' | 'ir_questions',
	eventId: string,
	userId: string,
	since: Date
): Promise<Date[]> {
	const rows = await db
		.selectFrom(table)
		.select('created_at')
		.where('event_id', '=', eventId)
		.where('user_id', '=', userId)
		.where('created_at', '>', since)
		.orderBy('created_at', 'asc')
		.execute();
	return rows.map((row) => row.created_at);
}

export function softDeleteChatMessage(db: Executor, eventId: string, id: string, deletedBy: string) {
	return db
		.updateTable('ir_chat_messages')
		.set({ deleted_at: new Date(), deleted_by: deletedBy })
		.where('id', '=', id)
		.where('event_id', '=', eventId)
		.where('deleted_at', 'is', null)
		.returning('id')
		.executeTakeFirst();
}

const questionColumns = [
	'ir_questions.id',
	'ir_questions.event_id',
	'ir_questions.user_id',
	'users.name as author_name',
	'ir_questions.body',
	'ir_questions.status',
	'ir_questions.votes',
	'ir_questions.created_at'
] as const;

export async function insertQuestion(db: Executor, eventId: string, userId: string, body: string) {
	const { id } = await db
		.insertInto('ir_questions')
		.values({ event_id: eventId, user_id: userId, body })
		.returning('id')
		.executeTakeFirstOrThrow();
	return findQuestion(db, eventId, id).then((row) => row!);
}

export function findQuestion(db: Executor, eventId: string, id: string, options: { lock?: boolean } = {}) {
	let query = db
		.selectFrom('ir_questions')
		.leftJoin('users', 'users.id', 'ir_questions.user_id')
		.select(questionColumns)
		.where('ir_questions.id', '=', id)
		.where('ir_questions.event_id', '=', eventId);
	if (options.lock) query = query.forUpdate('ir_questions');
	return query.executeTakeFirst();
}

/**
 * The questions `viewerId` may see, most votes first: approved and answered ones, plus the viewer's
 * own pending ones; a moderator (`viewerId` null) sees all but dismissed ones.
 */
export function listQuestions(db: Executor, eventId: string, viewerId: string | null) {
	return db
		.selectFrom('ir_questions')
		.leftJoin('users', 'users.id', 'ir_questions.user_id')
		.select(questionColumns)
		.where('ir_questions.event_id', '=', eventId)
		.where((eb) =>
			viewerId === null
				? eb('ir_questions.status', '!=', 'dismissed')
				: eb.or([
						eb('ir_questions.status', 'in', ['approved', 'answered']),
						eb.and([eb('ir_questions.status', '=', 'pending'), eb('ir_questions.user_id', '=', viewerId)])
					])
		)
		.orderBy('ir_questions.votes', 'desc')
		.orderBy('ir_questions.created_at', 'asc')
		.execute();
}

/** Adds one vote; false when the user had voted already (the primary key says so). */
export async function addVote(db: Executor, questionId: string, userId: string): Promise<boolean> {
	const inserted = await db
		.insertInto('ir_question_votes')
		.values({ question_id: questionId, user_id: userId })
		.onConflict((oc) => oc.doNothing())
		.returning('question_id')
		.executeTakeFirst();
	if (!inserted) return false;
	await db
		.updateTable('ir_questions')
		.set({ votes: sql<number>`votes + 1` })
		.where('id', '=', questionId)
		.execute();
	return true;
}

export async function setQuestionStatus(db: Executor, id: string, status: IrQuestionStatus): Promise<void> {
	await db.updateTable('ir_questions').set({ status, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function votedQuestionIds(db: Executor, eventId: string, userId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('ir_question_votes')
		.innerJoin('ir_questions', 'ir_questions.id', 'ir_question_votes.question_id')
		.select('ir_question_votes.question_id')
		.where('ir_questions.event_id', '=', eventId)
		.where('ir_question_votes.user_id', '=', userId)
		.execute();
	return rows.map((row) => row.question_id);
}
