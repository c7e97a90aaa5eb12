// A cohort's meetings as one RFC 5545 calendar for an enrolled trainee: one VEVENT per meeting,
// with the same UIDs as the personal feed, cancelled events once the enrolment is no longer live.
import { writeCalendar } from '../calendar/ics';

export type IcsMeeting = { id: string; start: Date; end: Date; sequence?: number };
export type IcsCohort = {
	enrolmentId: string;
	live: boolean;
	updatedAt: Date;
	summary: string;
	location: string;
	url: string;
	meetings: IcsMeeting[];
};

export function cohortCalendar(cohort: IcsCohort, host: string): string {
	return writeCalendar({
		prodId: '-//MedCluster//Courses//EN',
		method: cohort.live ? 'PUBLISH' : 'CANCEL',
		events: cohort.meetings.map((meeting, i) => ({
			uid: `meeting-${meeting.id}-${cohort.enrolmentId}@${host}`,
			// A moved meeting raised its own version; a cancellation announces one more.
			sequence: (meeting.sequence ?? 0) + (cohort.live ? 0 : 1),
			stamp: cohort.updatedAt,
			start: meeting.start,
			end: meeting.end,
			status: cohort.live ? 'CONFIRMED' : 'CANCELLED',
			summary: `${cohort.summary} (${i + 1}/${cohort.meetings.length})`,
			location: cohort.location,
			url: cohort.url
		}))
	});
}
