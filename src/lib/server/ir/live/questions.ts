// Q&A rules: attendees ask (pending until the moderator approves), vote once per question among the
// visible ones (at most QUESTION_LIMIT asked per window), and the moderator approves, marks answered or dismisses, each change audited.
import type { Kysely } from 'kysely';
import type { DB } from '../../db';
import type { IrQuestionStatus } from '../../db/ir-live-types';
import { recordAudit } from '../../audit/repository';
import { NotFoundError } from '../../errors';
import { AlreadyVotedError, LiveInvalidStateError, QuestionThrottledError } from './errors';
import { lockPoster, retryAfterSeconds } from './throttle';
import { requireOpenSession, type AuditContext } from './chat';
import * as contentRepository from './content-repository';
import type { QuestionAction } from './schemas';

export type LiveQuestionRow = NonNullable<Awaited<ReturnType<typeof contentRepository.findQuestion>>>;

const transitions: Record<QuestionAction, { from: IrQuestionStatus[]; to: IrQuestionStatus }> = {
	approve: { from: ['pending'], to: 'approved' },
	answer: { from: ['pending', 'approved'], to: 'answered' },
	dismiss: { from: ['pending', 'approved'], to: 'dismissed' }
};

export const isPublicQuestion = (status: IrQuestionStatus) => status === 'approved' || status === 'answered';

/** At most this many questions per person and room in the window, like the chat's limit. */
export const QUESTION_LIMIT = { count: 5, windowMs: 60_000 };

export async function askQuestion(
	db: Kysely<DB>,
	eventId: string,
	userId: string,
	body: string,
	now = new Date()
): Promise<LiveQuestionRow> {
	await requireOpenSession(db, eventId);
	return db.transaction().execute(async (trx) => {
		await lockPoster(trx, 'question', eventId, userId);
		const recent = await contentRepository.recentPostTimes(
			trx,
			'ir_questions',
			eventId,
			userId,
			new Date(now.getTime() - QUESTION_LIMIT.windowMs)
		);
		const retryAfter = retryAfterSeconds(recent, QUESTION_LIMIT, now);
		if (retryAfter !== null) throw new QuestionThrottledError(retryAfter);
		return contentRepository.insertQuestion(trx, eventId, userId, body);
	});
}

/** One vote per person on a visible question; a second vote is refused. */
export async function voteForQuestion(
	db: Kysely<DB>,
	eventId: string,
	userId: string,
	questionId: string
): Promise<LiveQuestionRow> {
	return db.transaction().execute(async (trx) => {
		const question = await contentRepository.findQuestion(trx, eventId, questionId, { lock: true });
		if (!question || !isPublicQuestion(question.status)) throw new NotFoundError();
		if (!(await contentRepository.addVote(trx, questionId, userId))) throw new AlreadyVotedError();
		return { ...question, votes: question.votes + 1 };
	});
}

export async function moderateQuestion(
	db: Kysely<DB>,
	actorId: string,
	eventId: string,
	questionId: string,
	action: QuestionAction,
	context: AuditContext
): Promise<LiveQuestionRow> {
	return db.transaction().execute(async (trx) => {
		const question = await contentRepository.findQuestion(trx, eventId, questionId, { lock: true });
		if (!question) throw new NotFoundError();
		const { from, to } = transitions[action];
		if (!from.includes(question.status)) throw new LiveInvalidStateError('question_closed');
		await contentRepository.setQuestionStatus(trx, questionId, to);
		await recordAudit(trx, {
			actorId,
			action: `ir.question_${to}`,
			entityType: 'ir_event',
			entityId: eventId,
			data: { questionId, from: question.status },
			ip: context.ip
		});
		return { ...question, status: to };
	});
}
