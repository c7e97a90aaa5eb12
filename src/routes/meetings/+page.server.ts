import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/http/context';
import { listForMember } from '$lib/server/meetings/repository';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const orgIds = (await db.selectFrom('memberships').select('org_id').where('user_id', '=', user.id).execute()).map(
		(r) => r.org_id
	);
	const rows = await listForMember(db, user.id);
	return {
		meetings: rows.map((r) => ({
			id: r.id,
			status: r.status,
			direction: orgIds.includes(r.requester_org_id) ? ('sent' as const) : ('received' as const),
			requester: { ko: r.requester_name_ko, en: r.requester_name_en },
			// A consulting request is addressed to one consultant of the running organisation.
			recipient: r.consultant_name
				? { ko: `${r.consultant_name} (${r.recipient_name_ko})`, en: `${r.consultant_name} (${r.recipient_name_en})` }
				: { ko: r.recipient_name_ko, en: r.recipient_name_en },
			createdAt: r.created_at.toISOString(),
			expiresAt: r.expires_at.toISOString(),
			chosenStartsAt: r.chosen_starts_at?.toISOString() ?? null
		}))
	};
}) satisfies PageServerLoad;
