// The zod schema of every client → server media event (payloads come from untrusted browsers).
import { z } from 'zod';
import type { MediaRequestName } from '../../media/types';

const MAX_SDP = 64 * 1024;
const source = z.enum(['camera', 'microphone', 'screen']);
const description = (type: 'offer' | 'answer') =>
	z.object({ type: z.literal(type), sdp: z.string().min(10).max(MAX_SDP).startsWith('v=0') });
const mid = z
	.string()
	.min(1)
	.max(32)
	.regex(/^[A-Za-z0-9_.-]+$/);

export const mediaRequestSchemas = {
	'media:publish': z.object({
		offer: description('offer'),
		sources: z.record(mid, source).refine((value) => Object.keys(value).length > 0 && Object.keys(value).length <= 8, {
			message: 'sources: 1 to 8 m-lines'
		})
	}),
	'media:unpublish': z.object({}),
	'media:subscribe': z.object({}),
	'media:answer': z.object({ answer: description('answer') }),
	'media:ice': z.object({
		leg: z.enum(['publish', 'subscribe']),
		candidate: z.object({
			candidate: z.string().max(512),
			sdpMid: z.string().max(32).nullish(),
			sdpMLineIndex: z.number().int().min(0).max(64).nullish(),
			usernameFragment: z.string().max(256).nullish()
		})
	})
} satisfies Record<MediaRequestName, z.ZodType>;

/** Where a payload went wrong, for the error message ("offer.sdp", "leg", …). */
export function firstIssuePath(error: z.ZodError): string {
	const issue = error.issues[0];
	return issue && issue.path.length > 0 ? issue.path.join('.') : '(payload)';
}
