// One booking as an RFC 5545 calendar, written by the shared iCalendar writer: stable UID, SEQUENCE
// per change, UTC times, lines folded at 75 octets without splitting a UTF-8 character.
import type { BookingStatus } from '../db/types';
import { writeCalendar, type IcsEvent } from '../calendar/ics';

export { escapeText, foldLine } from '../calendar/ics';

export type IcsBooking = {
	id: string;
	sequence: number;
	status: BookingStatus;
	start: Date;
	end: Date;
	updatedAt: Date;
	summary: string;
	description: string;
	location: string;
	url: string;
};

export function icsStatus(status: BookingStatus): 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED' {
	if (status === 'pending') return 'TENTATIVE';
	if (status === 'confirmed' || status === 'completed') return 'CONFIRMED';
	return 'CANCELLED';
}

/** The same UID in the single download and in every feed, so calendar apps see one event. */
export const bookingUid = (id: string, host: string) => `booking-${id}@${host}`;

export function bookingEvent(booking: IcsBooking, host: string): IcsEvent {
	return {
		uid: bookingUid(booking.id, host),
		sequence: booking.sequence,
		stamp: booking.updatedAt,
		start: booking.start,
		end: booking.end,
		status: icsStatus(booking.status),
		summary: booking.summary,
		description: booking.description,
		location: booking.location,
		url: booking.url
	};
}

export function bookingCalendar(booking: IcsBooking, host: string): string {
	const event = bookingEvent(booking, host);
	return writeCalendar({
		prodId: '-//MedCluster//Testbed booking//EN',
		method: event.status === 'CANCELLED' ? 'CANCEL' : 'PUBLISH',
		events: [event]
	});
}
