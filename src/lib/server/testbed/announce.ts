// One booking transition, told to everybody concerned: the audit log and a notification (in-app +
// e-mail with the .ics link) to the requester and the facility managers, inside the transaction.
import type { Executor } from '../db';
import { recordAudit } from '../audit/repository';
import { notifyUser } from '../app/notifications';
import { NotFoundError } from '../errors';
import { listFacilityManagerIds } from './access';
import type { TestbedNotificationKind } from './notifications';
import * as bookingRepository from './repository';
import { localParts } from '$lib/server/common/zoned-time';
import { placeOf } from './booking-row';
import type { Context } from '$lib/server/common/context';

export type { Context };

export type Announcement = {
	bookingId: string;
	actorId: string | null;
	action: string;
	kind: TestbedNotificationKind;
	data?: Record<string, unknown>;
	reason?: string | null;
};

const clock = (minutes: number) =>
	`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** "2026-03-10 14:00–16:00 (Asia/Seoul)": the facility's wall clock, the same in both languages. */
export function describeWhen(start: Date, end: Date, timeZone: string): string {
	const from = localParts(start, timeZone);
	const to = localParts(end, timeZone);
	const endText = to.date === from.date ? clock(to.minutes) : `${to.date} ${clock(to.minutes)}`;
	return `${from.date} ${clock(from.minutes)}–${endText} (${timeZone})`;
}

export async function announceBooking(db: Executor, a: Announcement, context: Context) {
	const booking = await bookingRepository.findBooking(db, a.bookingId);
	if (!booking) throw new NotFoundError();
	await recordAudit(db, {
		actorId: a.actorId,
		action: `booking.${a.action}`,
		entityType: 'booking',
		entityId: booking.id,
		data: {
			resourceId: booking.resource_id,
			orgId: booking.org_id,
			status: booking.status,
			start: booking.starts_at.toISOString(),
			end: booking.ends_at.toISOString(),
			...a.data
		},
		ip: context.ip
	});
	const params = {
		resource: booking.resource_name_ko,
		resource_en: booking.resource_name_en,
		when: describeWhen(booking.starts_at, booking.ends_at, booking.time_zone),
		who: booking.user_name,
		reason: a.reason ?? '',
		ics: new URL(`/testbed/bookings/${booking.id}/booking.ics`, context.origin).href,
		place: placeOf(booking, 'ko'),
		place_en: placeOf(booking, 'en'),
		rules: booking.resource_rules_ko || '—',
		rules_en: booking.resource_rules_en || booking.resource_rules_ko || '—'
	};
	const recipients = new Set([booking.user_id, ...(await listFacilityManagerIds(db, booking.facility_id))]);
	for (const userId of recipients) {
		await notifyUser(db, {
			userId,
			kind: a.kind,
			params,
			link: `/testbed/bookings/${booking.id}`,
			origin: context.origin
		});
	}
	return booking;
}
