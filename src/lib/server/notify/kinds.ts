// What each notification and e-mail says, in the recipient's language.
import * as m from '$lib/paraglide/messages';
import type { Locale } from '../db/types';
import { testbedNotificationTemplates } from '../testbed/notifications';
import { coursesNotificationTemplates } from '../courses/notifications';
import { needsNotificationTemplates } from '../needs/notifications';
import { meetingsNotificationTemplates } from '../meetings/notifications';
import { irNotificationTemplates } from '../ir/notifications';
import { scheduleNotificationTemplates } from '../reminders/notifications';
import { programmesNotificationTemplates } from '../programmes/notifications';
import { relationsNotificationTemplates } from '../relations/notifications';
import { matchmakingNotificationTemplates } from '../matchmaking/notifications';
import { template as t, type Template } from './template';

export type { Template } from './template';

/** Notifications: shown in the app, pushed live, and mirrored by e-mail. */
export const notificationTemplates = {
	org_verified: t(m.notification_org_verified_title, m.notification_org_verified_body),
	org_rejected: t(m.notification_org_rejected_title, m.notification_org_rejected_body),
	join_request_received: t(m.notification_join_request_received_title, m.notification_join_request_received_body),
	join_request_accepted: t(m.notification_join_request_accepted_title, m.notification_join_request_accepted_body),
	join_request_refused: t(m.notification_join_request_refused_title, m.notification_join_request_refused_body),
	member_role_changed: t(m.notification_member_role_changed_title, m.notification_member_role_changed_body),
	member_removed: t(m.notification_member_removed_title, m.notification_member_removed_body),
	org_pending_verification: t(
		m.notification_org_pending_verification_title,
		m.notification_org_pending_verification_body
	),
	org_contact: t(m.notification_org_contact_title, m.notification_org_contact_body),
	...testbedNotificationTemplates,
	...coursesNotificationTemplates,
	...needsNotificationTemplates,
	...meetingsNotificationTemplates,
	...irNotificationTemplates,
	...scheduleNotificationTemplates,
	...programmesNotificationTemplates,
	...relationsNotificationTemplates,
	...matchmakingNotificationTemplates
} satisfies Record<string, Template>;

/** E-mails that are not notifications: they go to an address, sometimes before an account exists. */
export const emailTemplates = {
	email_verification: t(m.email_verification_subject, m.email_verification_body),
	password_reset: t(m.email_password_reset_subject, m.email_password_reset_body),
	invitation: t(m.email_invitation_subject, m.email_invitation_body),
	security_new_device: t(m.security_new_device_subject, m.security_new_device_body)
} satisfies Record<string, Template>;

export type NotificationKind = keyof typeof notificationTemplates;
export type EmailKind = keyof typeof emailTemplates;

export function renderNotification(kind: string, params: Record<string, string>, locale: Locale) {
	const template = notificationTemplates[kind as NotificationKind];
	if (!template) return { title: kind, body: '' };
	return { title: template.title(params, locale), body: template.body(params, locale) };
}
