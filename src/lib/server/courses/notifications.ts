// What each enrolment step says to the trainee, in their language.
import * as m from '$lib/paraglide/messages';
import type { Locale } from '../db/types';
import type { Template } from '../notify/kinds';

type Params = Record<string, string>;
type MessageFn = (inputs: never, options: { locale: Locale }) => string;

// Same shape as the foundation's templates: each message reads the params stored beside the kind.
const render = (fn: MessageFn) => (params: Params, locale: Locale) => (fn as unknown as (p: Params, o: { locale: Locale }) => string)(params, { locale });
const t = (title: MessageFn, body: MessageFn): Template => ({ title: render(title), body: render(body) });

export const coursesNotificationTemplates = {
	courses_enrolled: t(m.courses_notification_enrolled_title, m.courses_notification_enrolled_body),
	courses_waitlisted: t(m.courses_notification_waitlisted_title, m.courses_notification_waitlisted_body),
	courses_offered: t(m.courses_notification_offered_title, m.courses_notification_offered_body),
	courses_cancelled: t(m.courses_notification_cancelled_title, m.courses_notification_cancelled_body),
	courses_offer_expired: t(m.courses_notification_offer_expired_title, m.courses_notification_offer_expired_body),
	courses_completed: t(m.courses_notification_completed_title, m.courses_notification_completed_body)
} satisfies Record<string, Template>;

export type CoursesNotificationKind = keyof typeof coursesNotificationTemplates;
