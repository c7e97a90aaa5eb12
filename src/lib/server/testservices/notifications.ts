// What each step of a testing-service request says to the other side, in the recipient's language.
// Kinds start with "testbed_" so Settings → Notifications lists them under the testbed.
import * as m from '$lib/paraglide/messages';
import { template as t, type Template } from '../notify/template';

export const testServicesNotificationTemplates = {
	testbed_test_requested: t(m.tsvc_notification_requested_title, m.tsvc_notification_requested_body),
	testbed_test_quoted: t(m.tsvc_notification_quoted_title, m.tsvc_notification_quoted_body),
	testbed_test_approved: t(m.tsvc_notification_approved_title, m.tsvc_notification_approved_body),
	testbed_test_declined: t(m.tsvc_notification_declined_title, m.tsvc_notification_declined_body),
	testbed_test_progress: t(m.tsvc_notification_progress_title, m.tsvc_notification_progress_body),
	testbed_test_delivered: t(m.tsvc_notification_delivered_title, m.tsvc_notification_delivered_body),
	testbed_test_message: t(m.tsvc_notification_message_title, m.tsvc_notification_message_body),
	testbed_test_cancelled: t(m.tsvc_notification_cancelled_title, m.tsvc_notification_cancelled_body),
	testbed_test_refused: t(m.tsvc_notification_refused_title, m.tsvc_notification_refused_body)
} satisfies Record<string, Template>;

export type TestServicesNotificationKind = keyof typeof testServicesNotificationTemplates;
