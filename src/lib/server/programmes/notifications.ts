// What each programme decision says to the applicant's admins, in their language.
import * as m from '$lib/paraglide/messages';
import { template as t, type Template } from '../notify/template';

export const programmesNotificationTemplates = {
	programmes_selected: t(m.programmes_notification_selected_title, m.programmes_notification_selected_body),
	programmes_promoted: t(m.programmes_notification_promoted_title, m.programmes_notification_promoted_body),
	programmes_reserve: t(m.programmes_notification_reserve_title, m.programmes_notification_reserve_body),
	programmes_declined: t(m.programmes_notification_declined_title, m.programmes_notification_declined_body),
	programmes_deadline_extended: t(m.call_edit_notification_extended_title, m.call_edit_notification_extended_body)
} satisfies Record<string, Template>;

export type ProgrammesNotificationKind = keyof typeof programmesNotificationTemplates;
