// The translated messages of course authoring and the survey (spread into http/errors.ts).
import * as m from '$lib/paraglide/messages';

export const courseAuthoringErrorMessages = {
	cauth_has_cohorts: (_p, o) => m.cauth_error_has_cohorts({}, o),
	cauth_state_invalid: (_p, o) => m.cauth_error_state_invalid({}, o),
	survey_not_completed: (_p, o) => m.survey_error_not_completed({}, o),
	survey_already_answered: (_p, o) => m.survey_error_already_answered({}, o)
} satisfies Record<string, (p: Record<string, string | number>, o?: { locale: 'ko' | 'en' }) => string>;
