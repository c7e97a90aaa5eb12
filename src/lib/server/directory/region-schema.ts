// A region field: empty, or one value of the fixed bilingual list (issue 21), never free text.
import { z } from 'zod';
import * as m from '$lib/paraglide/messages';
import { REGION_VALUES } from '$lib/regions';

export const regionField = () =>
	z
		.string()
		.trim()
		.default('')
		.refine((v) => v === '' || REGION_VALUES.includes(v), { error: () => m.region_choose_from_list() });
