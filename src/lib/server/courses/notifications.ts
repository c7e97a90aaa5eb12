// What each enrolment step says to the trainee (or, for an approval request, to their employer's
// admins), in their language.
import * as m from '$lib/paraglide/messages';
import { template as t, type Template } from '../notify/template';

export const coursesNotificationTemplates = {
	courses_enrolled: t(m.courses_notification_enrolled_title, m.courses_notification_enrolled_body),
	courses_waitlisted: t(m.courses_notification_waitlisted_title, m.courses_notification_waitlisted_body),
	courses_waitlist_moved: t(m.courses_edge_waitlist_moved_title, m.courses_edge_waitlist_moved_body),
	courses_offered: t(m.courses_notification_offered_title, m.courses_notification_offered_body),
	courses_cancelled: t(m.courses_notification_cancelled_title, m.courses_notification_cancelled_body),
	courses_offer_expired: t(m.courses_notification_offer_expired_title, m.courses_notification_offer_expired_body),
	courses_completed: t(m.courses_notification_completed_title, m.courses_notification_completed_body),
	courses_awaiting_employer: t(
		m.courses_notification_awaiting_employer_title,
		m.courses_notification_awaiting_employer_body
	),
	courses_approval_requested: t(
		m.courses_notification_approval_requested_title,
		m.courses_notification_approval_requested_body
	),
	courses_employer_refused: t(
		m.courses_notification_employer_refused_title,
		m.courses_notification_employer_refused_body
	),
	courses_cohort_rescheduled: t(
		m.cohort_edit_notification_rescheduled_title,
		m.cohort_edit_notification_rescheduled_body
	),
	courses_cohort_cancelled: t(m.cohort_edit_notification_cancelled_title, m.cohort_edit_notification_cancelled_body),
	survey_invited: t(m.survey_notification_invited_title, m.survey_notification_invited_body)
} satisfies Record<string, Template>;

export type CoursesNotificationKind = keyof typeof coursesNotificationTemplates;
