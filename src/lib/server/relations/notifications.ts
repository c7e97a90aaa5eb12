// What a relation declaration says to the other organisation's admins, in their language.
import * as m from '$lib/paraglide/messages';
import { template as t, type Template } from '../notify/template';

export const relationsNotificationTemplates = {
	relation_declared: t(m.relation_notification_declared_title, m.relation_notification_declared_body),
	relation_confirmed: t(m.relation_notification_confirmed_title, m.relation_notification_confirmed_body),
	relation_rejected: t(m.relation_notification_rejected_title, m.relation_notification_rejected_body),
	relation_removed: t(m.relation_notification_removed_title, m.relation_notification_removed_body)
} satisfies Record<string, Template>;

export type RelationsNotificationKind = keyof typeof relationsNotificationTemplates;
