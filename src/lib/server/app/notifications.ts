// Every notification kind of the portal and what it says: the portal's own and each domain's. A new
// domain adds its templates here; Settings → Notifications and the notification centre list them all.
import type { Locale } from '../db/types';
import { portalNotificationTemplates } from '../notify/kinds';
import { notifier, type NotifyInput } from '../notify/service';
import type { Template } from '../notify/template';
import { testbedNotificationTemplates } from '../testbed/notifications';
import { coursesNotificationTemplates } from '../courses/notifications';
import { needsNotificationTemplates } from '../needs/notifications';
import { meetingsNotificationTemplates } from '../meetings/notifications';
import { irNotificationTemplates } from '../ir/notifications';
import { scheduleNotificationTemplates } from '../reminders/notifications';
import { programmesNotificationTemplates } from '../programmes/notifications';
import { relationsNotificationTemplates } from '../relations/notifications';
import type { Executor } from '../db';
import { availabilityNotificationTemplates } from '../testbed/availability-alerts-notifications';
import { testServicesNotificationTemplates } from '../testservices/notifications';
import { matchmakingNotificationTemplates } from '../matchmaking/notifications';

/** Notifications: shown in the app, pushed live, and mirrored by e-mail. */
export const notificationTemplates = {
	...portalNotificationTemplates,
	...testbedNotificationTemplates,
	...coursesNotificationTemplates,
	...needsNotificationTemplates,
	...meetingsNotificationTemplates,
	...irNotificationTemplates,
	...scheduleNotificationTemplates,
	...programmesNotificationTemplates,
	...relationsNotificationTemplates,
	...availabilityNotificationTemplates,
	...testServicesNotificationTemplates,
	...matchmakingNotificationTemplates
} satisfies Record<string, Template>;

export type NotificationKind = keyof typeof notificationTemplates;

const portalNotifier = notifier(notificationTemplates);

/** Tells a user: in the app, pushed live, and by e-mail, as their settings say. Call inside the change's transaction. */
export function notifyUser(db: Executor, input: NotifyInput<NotificationKind>): Promise<void> {
	return portalNotifier.notifyUser(db, input);
}

export function renderNotification(kind: string, params: Record<string, string>, locale: Locale) {
	const template = notificationTemplates[kind as NotificationKind];
	if (!template) return { title: kind, body: '' };
	return { title: template.title(params, locale), body: template.body(params, locale) };
}
