// What a page needs of a booking (no e-mail addresses beyond the booker's name).
import type { BookingView } from './repository';

type Place = Pick<BookingView, 'facility_name_ko' | 'facility_name_en' | 'resource_location'>;

/** "IoMT Open Lab · Room 201": the facility, then the resource's own location when it has one. */
export const placeOf = (b: Place, locale: 'ko' | 'en') =>
	[locale === 'ko' ? b.facility_name_ko : b.facility_name_en, b.resource_location].filter(Boolean).join(' · ');

export const bookingRow = (b: BookingView) => ({
	id: b.id,
	status: b.status,
	start: b.starts_at.toISOString(),
	end: b.ends_at.toISOString(),
	purpose: b.purpose,
	resource_slug: b.resource_slug,
	resource_name_ko: b.resource_name_ko,
	resource_name_en: b.resource_name_en,
	// Where to go and what to follow there: shown on the booking, in its calendar entry and e-mails.
	place_ko: placeOf(b, 'ko'),
	place_en: placeOf(b, 'en'),
	rules_ko: b.resource_rules_ko,
	rules_en: b.resource_rules_en || b.resource_rules_ko,
	org_name_ko: b.org_name_ko,
	org_name_en: b.org_name_en,
	user_name: b.user_name,
	decision_reason: b.decision_reason,
	usage_notes: b.usage_notes,
	checked_in_at: b.checked_in_at?.toISOString() ?? null,
	sequence: b.sequence
});
export type BookingRowData = ReturnType<typeof bookingRow>;
