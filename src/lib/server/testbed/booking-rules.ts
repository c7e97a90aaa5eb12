// Loads what the rules need about one resource and checks a requested time against them.
import type { Executor } from '../db';
import { checkBookingRules, type BookingRules } from './rules';
import * as bookingRepository from './repository';

type RulesResource = Omit<BookingRules, 'timeZone' | 'hours' | 'blackouts'> & { id: string; time_zone: string };

export async function loadBookingRules(
	db: Executor,
	resource: RulesResource,
	from: Date,
	to: Date
): Promise<BookingRules> {
	const [hours, blackouts] = await Promise.all([
		bookingRepository.listHours(db, [resource.id]),
		bookingRepository.listBlackouts(db, [resource.id], from, to)
	]);
	return {
		slot_minutes: resource.slot_minutes,
		min_minutes: resource.min_minutes,
		max_minutes: resource.max_minutes,
		min_notice_minutes: resource.min_notice_minutes,
		max_horizon_days: resource.max_horizon_days,
		timeZone: resource.time_zone,
		hours,
		blackouts: blackouts.map((b) => ({ start: b.starts_at, end: b.ends_at }))
	};
}

export async function requireAllowedTime(
	db: Executor,
	resource: RulesResource,
	start: Date,
	end: Date,
	now: Date
): Promise<void> {
	checkBookingRules(await loadBookingRules(db, resource, start, end), start, end, now);
}
