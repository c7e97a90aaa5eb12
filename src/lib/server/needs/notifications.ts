// What each needs event says to the hospital side and the responding company, in their language.
import * as m from '$lib/paraglide/messages';
import { template as t, type Template } from '../notify/template';

export const needsNotificationTemplates = {
	needs_invited: t(m.needs_notification_invited_title, m.needs_notification_invited_body),
	needs_reviewer_assigned: t(m.needs_notification_reviewer_title, m.needs_notification_reviewer_body),
	needs_response_received: t(m.needs_notification_response_title, m.needs_notification_response_body),
	needs_response_shortlisted: t(m.needs_notification_shortlisted_title, m.needs_notification_shortlisted_body),
	needs_response_accepted: t(m.needs_notification_accepted_title, m.needs_notification_accepted_body),
	needs_response_declined: t(m.needs_notification_declined_title, m.needs_notification_declined_body),
	needs_match_confirmed: t(m.needs_notification_matched_title, m.needs_notification_matched_body)
} satisfies Record<string, Template>;

export type NeedsNotificationKind = keyof typeof needsNotificationTemplates;
