// The one shape every schedule source returns: a booking, a course meeting, an IR session or a
// follow-up meeting, ready for the page, the conflict check and the iCalendar feed.

export const SCHEDULE_KINDS = ['booking', 'course', 'ir', 'meeting'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

export type ScheduleStatus = 'confirmed' | 'tentative' | 'cancelled';

export type ScheduleItem = {
	/** Stable identity without a host, e.g. `booking-<id>`; the feed appends `@host`. */
	uid: string;
	kind: ScheduleKind;
	title_ko: string;
	title_en: string;
	startsAt: Date;
	endsAt: Date;
	status: ScheduleStatus;
	/** Path of the item's own page. */
	link: string;
	location_ko: string;
	/** Extra text for the calendar entry's description, e.g. a resource's usage rules. */
	details_ko?: string;
	details_en?: string;
	location_en: string;
	sequence: number;
	updatedAt: Date;
};

/** The window a source is asked for; cancelled items only when a feed wants them. */
export type ScheduleRange = { from: Date; to: Date; includeCancelled: boolean };
