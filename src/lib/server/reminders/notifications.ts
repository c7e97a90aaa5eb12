// What reminders and the weekly needs digest say, in the recipient's language.
import * as m from '$lib/paraglide/messages';
import { template as t, type Template } from '../notify/template';

export const scheduleNotificationTemplates = {
	schedule_reminder_booking: t(m.schedule_reminder_booking_title, m.schedule_reminder_booking_body),
	schedule_reminder_course: t(m.schedule_reminder_course_title, m.schedule_reminder_course_body),
	schedule_reminder_ir: t(m.schedule_reminder_ir_title, m.schedule_reminder_ir_body),
	digest_needs_weekly: t(m.digest_needs_weekly_title, m.digest_needs_weekly_body),
	renewal_reminder: t(m.renewal_reminder_title, m.renewal_reminder_body),
	renewal_reminder_no_course: t(m.renewal_reminder_title, m.renewal_reminder_no_course_body)
} satisfies Record<string, Template>;

export type ScheduleNotificationKind = keyof typeof scheduleNotificationTemplates;
