// Accepted follow-up meetings of the member's organisations and consulting sessions they give (and,
// for feeds, ones called off later).
import type { Executor } from '../../db';
import type { ScheduleItem, ScheduleRange } from '../types';

export async function listMeetingItems(db: Executor, userId: string, range: ScheduleRange): Promise<ScheduleItem[]> {
	const rows = await db
		.selectFrom('meeting_requests')
		.innerJoin('meeting_request_slots', 'meeting_request_slots.id', 'meeting_requests.chosen_slot_id')
		.innerJoin('organizations as requester', 'requester.id', 'meeting_requests.requester_org_id')
		.innerJoin('organizations as recipient', 'recipient.id', 'meeting_requests.recipient_org_id')
		.select([
			'meeting_requests.id',
			'meeting_requests.status',
			'meeting_requests.decided_at',
			'meeting_requests.created_at',
			'meeting_request_slots.starts_at',
			'meeting_request_slots.ends_at',
			'requester.name_ko as requester_ko',
			'requester.name_en as requester_en',
			'recipient.name_ko as recipient_ko',
			'recipient.name_en as recipient_en'
		])
		.where((eb) =>
			eb.or([
				eb.exists(
					eb
						.selectFrom('memberships')
						.select('memberships.user_id')
						.where('memberships.user_id', '=', userId)
						// A consulting session belongs to the consultant, not to their organisation's other staff.
						.where((w) =>
							w.or([
								w('memberships.org_id', '=', w.ref('meeting_requests.requester_org_id')),
								w.and([
									w('meeting_requests.recipient_user_id', 'is', null),
									w('memberships.org_id', '=', w.ref('meeting_requests.recipient_org_id'))
								])
							])
						)
				),
				eb('meeting_requests.recipient_user_id', '=', userId)
			])
		)
		.where('meeting_requests.status', 'in', range.includeCancelled ? ['accepted', 'cancelled'] : ['accepted'])
		.where('meeting_request_slots.ends_at', '>', range.from)
		.where('meeting_request_slots.starts_at', '<', range.to)
		.orderBy('meeting_request_slots.starts_at')
		.execute();
	return rows.map((row) => {
		const cancelled = row.status === 'cancelled';
		return {
			uid: `meeting-request-${row.id}`,
			kind: 'meeting' as const,
			title_ko: `미팅: ${row.requester_ko} · ${row.recipient_ko}`,
			title_en: `Meeting: ${row.requester_en} · ${row.recipient_en}`,
			startsAt: row.starts_at,
			endsAt: row.ends_at,
			status: cancelled ? ('cancelled' as const) : ('confirmed' as const),
			link: `/meetings/${row.id}`,
			location_ko: '',
			location_en: '',
			// The same numbering as the meeting's own .ics download.
			sequence: cancelled ? 1 : 0,
			updatedAt: row.decided_at ?? row.created_at
		};
	});
}
