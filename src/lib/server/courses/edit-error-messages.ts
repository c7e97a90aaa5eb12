// The translated messages of editing cohorts and courses (spread into http/errors.ts).
import * as m from '$lib/paraglide/messages';

export const courseEditErrorMessages = {
	cohort_edit_capacity_below_seats: (p, o) =>
		m.cohort_edit_error_capacity_below_seats({ held: String(p.held ?? ''), capacity: String(p.capacity ?? '') }, o),
	cohort_edit_cancelled: (_p, o) => m.cohort_edit_error_cancelled({}, o),
	cohort_edit_meeting_invalid: (_p, o) => m.cohort_edit_error_meeting_invalid({}, o),
	course_edit_self_prerequisite: (_p, o) => m.course_edit_error_self_prerequisite({}, o),
	course_edit_prerequisite_cycle: (p, o) =>
		m.course_edit_error_prerequisite_cycle({ chain: String(p.chain ?? ''), chain_en: String(p.chain_en ?? '') }, o)
} satisfies Record<string, (p: Record<string, string | number>, o?: { locale: 'ko' | 'en' }) => string>;
