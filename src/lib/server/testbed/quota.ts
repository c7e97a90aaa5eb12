// Hours per organisation per week and month on one resource, counted inside the booking transaction
// after the organisation's row is locked, so parallel requests of one organisation queue up here.
import type { Executor } from '../db';
import { QuotaExceededError } from './errors';
import * as bookingRepository from './repository';
import { addDays, localParts, mondayOf, zonedInstant } from '$lib/server/common/zoned-time';

type QuotaResource = {
	id: string;
	time_zone: string;
	quota_week_hours: number | null;
	quota_month_hours: number | null;
};

/** The local week (Monday 00:00) and month that contain `start`, as instants. */
export function quotaPeriods(start: Date, timeZone: string) {
	const { date } = localParts(start, timeZone);
	const monday = mondayOf(date);
	const [y, m] = date.split('-').map(Number);
	const nextMonth = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
	return {
		week: { from: zonedInstant(monday, 0, timeZone), to: zonedInstant(addDays(monday, 7), 0, timeZone) },
		month: { from: zonedInstant(`${date.slice(0, 7)}-01`, 0, timeZone), to: zonedInstant(nextMonth, 0, timeZone) }
	};
}

/** Call after `lockOrganizationForQuota`; a booking counts in the week and month it starts in. */
export async function checkQuota(
	db: Executor,
	resource: QuotaResource,
	orgId: string,
	start: Date,
	end: Date,
	exceptBookingId: string | null = null
) {
	const wanted = (end.getTime() - start.getTime()) / 60_000;
	const periods = quotaPeriods(start, resource.time_zone);
	for (const period of ['week', 'month'] as const) {
		const limitHours = period === 'week' ? resource.quota_week_hours : resource.quota_month_hours;
		if (limitHours === null) continue;
		const used = await bookingRepository.bookedMinutes(
			db,
			orgId,
			resource.id,
			periods[period].from,
			periods[period].to,
			exceptBookingId
		);
		if (used + wanted > Number(limitHours) * 60) throw new QuotaExceededError(period, Number(limitHours));
	}
}
