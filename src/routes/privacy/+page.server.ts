import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { listNotices } from '$lib/server/privacy/consent-repository';
import { personalDataSettings } from '$lib/server/privacy/settings';

export const load = (async () => {
	const notices = await listNotices(getDb());
	return {
		version: notices[0]?.version ?? '',
		publishedAt: notices[0]?.published_at ?? null,
		...personalDataSettings()
	};
}) satisfies PageServerLoad;
