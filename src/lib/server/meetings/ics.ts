// An accepted meeting as an RFC 5545 calendar (shared writer): stable UID, UTC times, cancelled once
// called off. Meeting requests have no sequence column: a cancellation is their only later change.
import { writeCalendar, type IcsEvent } from '../calendar/ics';

export type IcsMeeting = {
	id: string;
	cancelled: boolean;
	start: Date;
	end: Date;
	stamp: Date;
	summary: string;
	url: string;
};

export const meetingUid = (id: string, host: string) => `meeting-request-${id}@${host}`;

export function meetingEvent(meeting: IcsMeeting, host: string): IcsEvent {
	return {
		uid: meetingUid(meeting.id, host),
		sequence: meeting.cancelled ? 1 : 0,
		stamp: meeting.stamp,
		start: meeting.start,
		end: meeting.end,
		status: meeting.cancelled ? 'CANCELLED' : 'CONFIRMED',
		summary: meeting.summary,
		url: meeting.url
	};
}

export function meetingCalendar(meeting: IcsMeeting, host: string): string {
	return writeCalendar({
		prodId: '-//MedCluster//Meetings//EN',
		method: meeting.cancelled ? 'CANCEL' : 'PUBLISH',
		events: [meetingEvent(meeting, host)]
	});
}
