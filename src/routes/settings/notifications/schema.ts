import { z } from 'zod';
import { text } from '$lib/server/http/text';
import { notificationKinds } from '$lib/server/app/notification-areas';

// Checked boxes arrive as one value or several; none at all is an empty list.
const kindList = () =>
	z
		.union([text(), z.array(text())])
		.optional()
		.transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
		.pipe(z.array(z.enum(notificationKinds() as [string, ...string[]])));

export const preferencesSchema = z.object({ in_app: kindList(), email: kindList() });
