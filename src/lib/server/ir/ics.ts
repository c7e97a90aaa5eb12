// A session as an RFC 5545 calendar: stable UID, SEQUENCE raised on every change of time or status,
// UTC times, STATUS:CANCELLED (METHOD:CANCEL) once called off; written by the shared calendar writer.
import type { IrEventRow } from '../db/ir-types';
import { writeCalendar } from '../calendar/ics';

export function eventCalendar(event: IrEventRow, orgName: { ko: string; en: string }, origin: string): string {
	const url = new URL(`/ir/${event.id}`, origin);
	const cancelled = event.status === 'cancelled';
	const title = [event.title_ko, event.title_en].filter(Boolean).join(' / ');
	return writeCalendar({
		prodId: '-//MedCluster//IR sessions//EN',
		method: cancelled ? 'CANCEL' : 'PUBLISH',
		events: [
			{
				// The same UID as the personal calendar feed (schedule/sources/ir.ts), so the two never duplicate.
				uid: `ir-${event.id}@${url.hostname}`,
				sequence: event.sequence,
				stamp: event.updated_at,
				start: event.starts_at,
				end: new Date(event.starts_at.getTime() + event.duration_minutes * 60_000),
				status: cancelled ? 'CANCELLED' : 'CONFIRMED',
				summary: `IR · ${orgName.ko || orgName.en}: ${title}`,
				description: cancelled && event.cancel_reason ? event.cancel_reason : `${orgName.ko} / ${orgName.en}`,
				location: new URL(`/ir/${event.id}/live`, origin).href,
				url: url.href
			}
		]
	});
}
