// What each needs event says to the hospital side and the responding company, in their language.
import * as m from '$lib/paraglide/messages';
import type { Locale } from '../db/types';
import type { Template } from '../notify/kinds';

type Params = Record<string, string>;
type MessageFn = (inputs: never, options: { locale: Locale }) => string;

// Same shape as the foundation's templates: each message reads the params stored beside the kind.
const render = (fn: MessageFn) => (params: Params, locale: Locale) => (fn as unknown as (p: Params, o: { locale: Locale }) => string)(params, { locale });
const t = (title: MessageFn, body: MessageFn): Template => ({ title: render(title), body: render(body) });

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
