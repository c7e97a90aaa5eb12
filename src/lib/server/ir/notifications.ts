// What each IR session event says to registrants and presenters, in their language.
import * as m from '$lib/paraglide/messages';
import { template as t, type Template } from '../notify/template';

export const irNotificationTemplates = {
	ir_registration_confirmed: t(m.ir_notification_registered_title, m.ir_notification_registered_body),
	ir_registration_new: t(m.ir_notification_new_registration_title, m.ir_notification_new_registration_body),
	ir_session_changed: t(m.ir_notification_changed_title, m.ir_notification_changed_body),
	ir_session_cancelled: t(m.ir_notification_cancelled_title, m.ir_notification_cancelled_body),
	// Issue #20 item 5: a new deck version (its pages are in the deck room once rendered).
	ir_deck_new_version: t(m.deck_notification_new_version_title, m.deck_notification_new_version_body)
} satisfies Record<string, Template>;

export type IrNotificationKind = keyof typeof irNotificationTemplates;
