import type { LayoutServerLoad } from './$types';
import { requireOperator } from '$lib/server/http/context';

// A first gate for the whole console; every page load and action below still checks on its own.
export const load = ((event) => {
	requireOperator(event);
	return {};
}) satisfies LayoutServerLoad;
