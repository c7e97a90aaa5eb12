// An accepted meeting as an RFC 5545 calendar: stable UID, UTC times, cancelled once called off.
import { escapeText, foldLine } from '../testbed/ics';

export type IcsMeeting = { id: string; cancelled: boolean; start: Date; end: Date; stamp: Date; summary: string; url: string };

const utc = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export function meetingCalendar(meeting: IcsMeeting, host: string): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//MedCluster//Meetings//EN',
		'CALSCALE:GREGORIAN',
		`METHOD:${meeting.cancelled ? 'CANCEL' : 'PUBLISH'}`,
		'BEGIN:VEVENT',
		`UID:meeting-request-${meeting.id}@${host}`,
		`SEQUENCE:${meeting.cancelled ? 1 : 0}`,
		`DTSTAMP:${utc(meeting.stamp)}`,
		`DTSTART:${utc(meeting.start)}`,
		`DTEND:${utc(meeting.end)}`,
		`STATUS:${meeting.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
		`SUMMARY:${escapeText(meeting.summary)}`,
		`URL:${meeting.url}`,
		'END:VEVENT',
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
