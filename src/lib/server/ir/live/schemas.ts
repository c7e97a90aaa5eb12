// The zod schemas of the live room's socket events: every event names the session it is about.
import { z } from 'zod';

const eventRef = z.object({ eventId: z.uuid() });

export const roomEventSchema = eventRef;
export const chatPostSchema = eventRef.extend({ body: z.string().trim().min(1).max(1000) });
export const chatDeleteSchema = eventRef.extend({ messageId: z.uuid() });
export const questionAskSchema = eventRef.extend({ body: z.string().trim().min(1).max(500) });
export const questionVoteSchema = eventRef.extend({ questionId: z.uuid() });
export const questionModerateSchema = eventRef.extend({ questionId: z.uuid(), action: z.enum(['approve', 'answer', 'dismiss']) });
export const participantTargetSchema = eventRef.extend({ userId: z.uuid() });

export type QuestionAction = z.infer<typeof questionModerateSchema>['action'];
