// What each meeting event says to both organisations, in their language.
import * as m from '$lib/paraglide/messages';
import { template as t, type Template } from '../notify/template';

export const meetingsNotificationTemplates = {
	meetings_requested: t(m.meetings_notification_requested_title, m.meetings_notification_requested_body),
	meetings_accepted: t(m.meetings_notification_accepted_title, m.meetings_notification_accepted_body),
	meetings_declined: t(m.meetings_notification_declined_title, m.meetings_notification_declined_body),
	meetings_cancelled: t(m.meetings_notification_cancelled_title, m.meetings_notification_cancelled_body),
	meetings_expired: t(m.meetings_notification_expired_title, m.meetings_notification_expired_body),
	// Consulting sessions of a programme (context 'programme_consulting'), addressed to one consultant.
	meetings_consult_requested: t(m.consult_notification_requested_title, m.consult_notification_requested_body),
	meetings_consult_accepted: t(m.consult_notification_accepted_title, m.consult_notification_accepted_body),
	meetings_consult_declined: t(m.consult_notification_declined_title, m.consult_notification_declined_body),
	meetings_consult_cancelled: t(m.consult_notification_cancelled_title, m.consult_notification_cancelled_body),
	meetings_consult_expired: t(m.consult_notification_expired_title, m.consult_notification_expired_body)
} satisfies Record<string, Template>;

export type MeetingsNotificationKind = keyof typeof meetingsNotificationTemplates;
