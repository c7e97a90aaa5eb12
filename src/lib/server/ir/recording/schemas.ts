// Inputs of recording: route params, the team's management form, and the replay player's view pings.
import { z } from 'zod';

export const recordingParams = z.object({ id: z.uuid(), recordingId: z.uuid() });

export const manageForm = z.object({ recordingId: z.uuid() });

/** The player reports a view once when it starts, then how far it has got (seconds actually played). */
export const viewBody = z.union([
	z.object({ recordingId: z.uuid() }).strict(),
	z.object({ viewId: z.uuid(), watchedSeconds: z.number().int().min(0).max(86_400) }).strict()
]);
