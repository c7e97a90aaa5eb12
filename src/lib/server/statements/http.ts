// What the statement routes share: the month asked for (this month in the viewer's zone by default)
// (file downloads: http/download.ts).
import { error, type RequestEvent } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { localParts } from '$lib/server/common/zoned-time';
import { statementQuery } from '../vouchers/schemas';

export function monthOf(event: RequestEvent): { month: string; invalid: boolean } {
	const parsed = statementQuery.safeParse(Object.fromEntries(event.url.searchParams));
	const current = localParts(new Date(), event.locals.timeZone).date.slice(0, 7);
	return { month: (parsed.success && parsed.data.month) || current, invalid: !parsed.success };
}

/** For downloads a bad month is a 400, not a silent switch to this month. */
export function requireMonth(event: RequestEvent): string {
	const { month, invalid } = monthOf(event);
	if (invalid) error(400, m.statements_month_invalid());
	return month;
}

export const pageLocale = (): 'ko' | 'en' => (getLocale() === 'en' ? 'en' : 'ko');
