import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/http/context';
import { listHeldCertificates, listHeldCredentials } from '$lib/server/courses/holder';
import { holdingStatus } from '$lib/components/courses/holding-status';

// Only the signed-in person's own holdings: there is no id in the address to ask for someone else's.
export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const now = new Date();
	const [credentials, certificates] = await Promise.all([
		listHeldCredentials(db, user.id),
		listHeldCertificates(db, user.id)
	]);
	return {
		credentials: credentials.map((c) => ({
			id: c.id,
			name_ko: c.name_ko,
			name_en: c.name_en,
			granted_at: c.granted_at.toISOString(),
			expires_at: c.expires_at?.toISOString() ?? null,
			status: holdingStatus(c, now),
			resources: Number(c.resources_unlocked ?? 0)
		})),
		certificates: certificates.map((c) => ({
			serial: c.serial,
			course_slug: c.course_slug,
			title_ko: c.title_ko,
			title_en: c.title_en,
			label_ko: c.label_ko,
			label_en: c.label_en,
			issued_at: c.issued_at.toISOString(),
			expires_at: c.expires_at?.toISOString() ?? null,
			status: holdingStatus(c, now)
		}))
	};
}) satisfies PageServerLoad;
