// What a matchmaking slot says to both organisations' admins (area "meetings": it is a meeting).
import * as m from '$lib/paraglide/messages';
import { template as t, type Template } from '../notify/template';

export const matchmakingNotificationTemplates = {
	meetings_matchmaking_slot: t(m.match_notification_slot_title, m.match_notification_slot_body)
} satisfies Record<string, Template>;
