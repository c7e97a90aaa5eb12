// What each booking transition says to the requester and the facility managers, in their language.
import * as m from '$lib/paraglide/messages';
import { template as t, type Template } from '../notify/template';

export const testbedNotificationTemplates = {
	testbed_booking_requested: t(m.testbed_notification_requested_title, m.testbed_notification_requested_body),
	testbed_booking_confirmed: t(m.testbed_notification_confirmed_title, m.testbed_edge_notification_confirmed_body),
	testbed_booking_rejected: t(m.testbed_notification_rejected_title, m.testbed_notification_rejected_body),
	testbed_booking_cancelled: t(m.testbed_notification_cancelled_title, m.testbed_notification_cancelled_body),
	testbed_booking_rescheduled: t(m.testbed_notification_rescheduled_title, m.testbed_notification_rescheduled_body),
	testbed_booking_checked_in: t(m.testbed_notification_checked_in_title, m.testbed_notification_checked_in_body),
	testbed_booking_no_show: t(m.testbed_notification_no_show_title, m.testbed_notification_no_show_body),
	testbed_booking_completed: t(m.testbed_notification_completed_title, m.testbed_notification_completed_body),
	testbed_booking_expired: t(m.testbed_notification_expired_title, m.testbed_notification_expired_body)
} satisfies Record<string, Template>;

export type TestbedNotificationKind = keyof typeof testbedNotificationTemplates;
