import { z } from 'zod';
import { NOTIFICATION_AREAS, notificationKinds } from '$lib/server/app/notification-areas';

export const markReadSchema = z.object({ id: z.uuid() });

/** The list's filters from the query string; unknown values fall back to "all". */
export function readFilters(params: URLSearchParams) {
	const area = z
		.enum(NOTIFICATION_AREAS)
		.optional()
		.catch(undefined)
		.parse(params.get('area') || undefined);
	const kind = z
		.enum(notificationKinds() as [string, ...string[]])
		.optional()
		.catch(undefined)
		.parse(params.get('kind') || undefined);
	return { unreadOnly: params.get('unread') === '1', area, kind };
}
