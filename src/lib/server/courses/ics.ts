// A cohort's meetings as one RFC 5545 calendar for an enrolled trainee: one VEVENT per meeting,
// stable UIDs, cancelled events once the enrolment is no longer live.
import { escapeText, foldLine } from '../testbed/ics';

export type IcsMeeting = { id: string; start: Date; end: Date };
export type IcsCohort = { enrolmentId: string; live: boolean; updatedAt: Date; summary: string; location: string; url: string; meetings: IcsMeeting[] };

const utc = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export function cohortCalendar(cohort: IcsCohort, host: string): string {
	const status = cohort.live ? 'CONFIRMED' : 'CANCELLED';
	const events = cohort.meetings.flatMap((meeting, i) => [
		'BEGIN:VEVENT',
		`UID:meeting-${meeting.id}-${cohort.enrolmentId}@${host}`,
		`DTSTAMP:${utc(cohort.updatedAt)}`,
		`DTSTART:${utc(meeting.start)}`,
		`DTEND:${utc(meeting.end)}`,
		`STATUS:${status}`,
		`SUMMARY:${escapeText(`${cohort.summary} (${i + 1}/${cohort.meetings.length})`)}`,
		`LOCATION:${escapeText(cohort.location)}`,
		`URL:${cohort.url}`,
		'END:VEVENT'
	]);
	const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//MedCluster//Courses//EN', 'CALSCALE:GREGORIAN', `METHOD:${cohort.live ? 'PUBLISH' : 'CANCEL'}`, ...events, 'END:VCALENDAR'];
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
