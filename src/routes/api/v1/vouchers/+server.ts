import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { authenticated } from '$lib/server/app/api';
import { listVoucherHoldings } from '$lib/server/vouchers/holdings';
import { voucherJson } from '$lib/server/vouchers/api-shapes';
import { voucherListQuery } from '$lib/server/vouchers/schemas';

export const GET: RequestHandler = authenticated(async (event, user) => {
	const query = voucherListQuery.safeParse(Object.fromEntries(event.url.searchParams));
	if (!query.success) return invalidInput(query.error.issues);
	const vouchers = await listVoucherHoldings(getDb(), user, query.data.org);
	return json({ vouchers: vouchers.map(voucherJson) }, { headers: { 'cache-control': 'private, no-store' } });
});
