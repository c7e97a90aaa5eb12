// The resource's booking rules, checked before the database is asked for the slot.
import { BookingRuleError } from './errors';
import { localParts, parseClock } from '$lib/server/common/zoned-time';

export type Interval = { start: Date; end: Date };
export type OpeningHours = { weekday: number; opens: string; closes: string };

export type BookingRules = {
	slot_minutes: number;
	min_minutes: number;
	max_minutes: number;
	min_notice_minutes: number;
	max_horizon_days: number;
	timeZone: string;
	hours: OpeningHours[];
	blackouts: Interval[];
};

const MINUTE = 60_000;

export const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/** True when [start, end) lies inside one opening window of its local day. */
export function withinOpeningHours(rules: Pick<BookingRules, 'timeZone' | 'hours'>, start: Date, end: Date): boolean {
	const from = localParts(start, rules.timeZone);
	const to = localParts(new Date(end.getTime() - 1), rules.timeZone);
	if (from.date !== to.date) return false;
	const endMinutes = from.minutes + (end.getTime() - start.getTime()) / MINUTE;
	return rules.hours.some(
		(h) => h.weekday === from.weekday && parseClock(h.opens) <= from.minutes && endMinutes <= parseClock(h.closes)
	);
}

/** Throws the first rule the request breaks; the order puts the most useful message first. */
export function checkBookingRules(rules: BookingRules, start: Date, end: Date, now: Date): void {
	const minutes = (end.getTime() - start.getTime()) / MINUTE;
	const startMinutes = localParts(start, rules.timeZone).minutes;
	if (!(minutes > 0) || !Number.isInteger(minutes) || start.getSeconds() !== 0 || start.getMilliseconds() !== 0) {
		throw new BookingRuleError('booking_invalid_time', { minutes: rules.slot_minutes });
	}
	if (startMinutes % rules.slot_minutes !== 0 || minutes % rules.slot_minutes !== 0) {
		throw new BookingRuleError('booking_invalid_time', { minutes: rules.slot_minutes });
	}
	if (minutes < rules.min_minutes) throw new BookingRuleError('booking_too_short', { minutes: rules.min_minutes });
	if (minutes > rules.max_minutes) throw new BookingRuleError('booking_too_long', { minutes: rules.max_minutes });
	if (start.getTime() < now.getTime() + rules.min_notice_minutes * MINUTE)
		throw new BookingRuleError('booking_too_soon');
	if (start.getTime() > now.getTime() + rules.max_horizon_days * 24 * 60 * MINUTE)
		throw new BookingRuleError('booking_too_far');
	if (!withinOpeningHours(rules, start, end)) throw new BookingRuleError('booking_outside_hours');
	if (rules.blackouts.some((b) => overlaps(b, { start, end }))) throw new BookingRuleError('booking_in_blackout');
}
