// The zod schemas of the live room's socket events: every event names the session it is about.
import { z } from 'zod';
import { text } from '$lib/server/http/text';

const eventRef = z.object({ eventId: z.uuid() });

export const roomEventSchema = eventRef;
export const chatPostSchema = eventRef.extend({ body: text().trim().min(1).max(1000) });
export const chatDeleteSchema = eventRef.extend({ messageId: z.uuid() });
export const questionAskSchema = eventRef.extend({ body: text().trim().min(1).max(500) });
export const questionVoteSchema = eventRef.extend({ questionId: z.uuid() });
export const questionModerateSchema = eventRef.extend({
	questionId: z.uuid(),
	action: z.enum(['approve', 'answer', 'dismiss'])
});
/** A poll: a question and two to six distinct answers. */
export const pollCreateSchema = eventRef.extend({
	question: text().trim().min(1).max(300),
	options: z
		.array(text().trim().min(1).max(120))
		.min(2)
		.max(6)
		.refine((options) => new Set(options.map((o) => o.toLocaleLowerCase())).size === options.length, {
			message: 'duplicate_option'
		})
});
export const pollAnswerSchema = eventRef.extend({ pollId: z.uuid(), optionId: z.uuid() });
export const pollCloseSchema = eventRef.extend({ pollId: z.uuid() });
export const participantTargetSchema = eventRef.extend({ userId: z.uuid() });

export type QuestionAction = z.infer<typeof questionModerateSchema>['action'];

/** Every live-room event's schema, keyed by the event (see ClientToServerEvents). */
export const liveEventSchemas = {
	'ir:join': roomEventSchema,
	'ir:leave': roomEventSchema,
	'ir:chat_post': chatPostSchema,
	'ir:chat_delete': chatDeleteSchema,
	'ir:question_ask': questionAskSchema,
	'ir:question_vote': questionVoteSchema,
	'ir:question_moderate': questionModerateSchema,
	'ir:poll_create': pollCreateSchema,
	'ir:poll_answer': pollAnswerSchema,
	'ir:poll_close': pollCloseSchema,
	'ir:hand_raise': roomEventSchema,
	'ir:hand_lower': roomEventSchema,
	'ir:speaker_promote': participantTargetSchema,
	'ir:speaker_demote': participantTargetSchema,
	'ir:participant_remove': participantTargetSchema,
	'ir:session_start': roomEventSchema,
	'ir:session_end': roomEventSchema
} as const;
