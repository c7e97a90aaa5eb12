// What the portal's own notifications and e-mails say, in the recipient's language.
import * as m from '$lib/paraglide/messages';
import type { Locale } from '../db/types';
import { template as t, type Template } from './template';

export type { Template } from './template';

/** The portal's own notifications (organisations and memberships); each domain adds its own in app/notifications.ts. */
export const portalNotificationTemplates = {
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
	org_contact: t(m.notification_org_contact_title, m.notification_org_contact_body)
} satisfies Record<string, Template>;

/** E-mails that are not notifications: they go to an address, sometimes before an account exists. */
export const emailTemplates = {
	email_verification: t(m.email_verification_subject, m.email_verification_body),
	password_reset: t(m.email_password_reset_subject, m.email_password_reset_body),
	invitation: t(m.email_invitation_subject, m.email_invitation_body),
	security_new_device: t(m.security_new_device_subject, m.security_new_device_body)
} satisfies Record<string, Template>;

export type EmailKind = keyof typeof emailTemplates;
