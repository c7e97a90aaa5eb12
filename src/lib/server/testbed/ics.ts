// One booking as an RFC 5545 calendar: stable UID, SEQUENCE per change, UTC times, lines folded at
// 75 octets without splitting a UTF-8 character (Korean text is 3 octets a character).
import type { BookingStatus } from '../db/types';

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

const utc = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
export const escapeText = (text: string) => text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Splits a content line into chunks of at most 75 octets; continuation lines start with a space. */
export function foldLine(line: string): string {
	const encoder = new TextEncoder();
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = encoder.encode(char).length;
		// The first line holds 75 octets; the rest 74 after their leading space.
		const limit = parts.length === 0 ? 75 : 74;
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

export function icsStatus(status: BookingStatus): 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED' {
	if (status === 'pending') return 'TENTATIVE';
	if (status === 'confirmed' || status === 'completed') return 'CONFIRMED';
	return 'CANCELLED';
}

export function bookingCalendar(booking: IcsBooking, host: string): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//MedCluster//Testbed booking//EN',
		'CALSCALE:GREGORIAN',
		`METHOD:${icsStatus(booking.status) === 'CANCELLED' ? 'CANCEL' : 'PUBLISH'}`,
		'BEGIN:VEVENT',
		`UID:booking-${booking.id}@${host}`,
		`SEQUENCE:${booking.sequence}`,
		`DTSTAMP:${utc(booking.updatedAt)}`,
		`DTSTART:${utc(booking.start)}`,
		`DTEND:${utc(booking.end)}`,
		`STATUS:${icsStatus(booking.status)}`,
		`SUMMARY:${escapeText(booking.summary)}`,
		`DESCRIPTION:${escapeText(booking.description)}`,
		`LOCATION:${escapeText(booking.location)}`,
		`URL:${booking.url}`,
		'END:VEVENT',
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
