import { z } from 'zod';
import { notificationKinds } from '$lib/server/notify/areas';

// Checked boxes arrive as one value or several; none at all is an empty list.
const kindList = () =>
	z
		.union([z.string(), z.array(z.string())])
		.optional()
		.transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
		.pipe(z.array(z.enum(notificationKinds() as [string, ...string[]])));

export const preferencesSchema = z.object({ in_app: kindList(), email: kindList() });
