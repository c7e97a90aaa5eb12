import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/http/context';
import { listReadableOrganizations } from '$lib/server/statements/access';
import { listVoucherHoldings } from '$lib/server/vouchers/holdings';

// The vouchers of every organisation the user belongs to, with links to each one's statement.
export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const [vouchers, organizations] = await Promise.all([
		listVoucherHoldings(db, user),
		listReadableOrganizations(db, user.id)
	]);
	return { vouchers, organizations: organizations.map(({ slug, name_ko, name_en }) => ({ slug, name_ko, name_en })) };
}) satisfies PageServerLoad;
