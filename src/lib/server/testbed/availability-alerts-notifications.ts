// What availability alerts say: a slot held for you, and a blackout over your booking.
import * as m from '$lib/paraglide/messages';
import { template as t, type Template } from '../notify/template';

export const availabilityNotificationTemplates = {
	avail_slot_held: t(m.avail_notification_held_title, m.avail_notification_held_body),
	avail_blackout_overlap: t(m.avail_notification_blackout_title, m.avail_notification_blackout_body)
} satisfies Record<string, Template>;
