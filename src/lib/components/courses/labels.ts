// Translated names of the course vocabularies (category, audience, format, language, level, status).
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { dateTimeFormat } from '$lib/intl-cache';

type Labels = Record<string, () => string>;
const label = (labels: Labels) => (value: string) => labels[value]?.() ?? value;

export const categoryLabels: Labels = {
	technology: m.courses_category_technology,
	regulatory: m.courses_category_regulatory,
	clinical_trials: m.courses_category_clinical_trials,
	commercialisation: m.courses_category_commercialisation,
	smart_factory: m.courses_category_smart_factory,
	iomt_samd: m.courses_category_iomt_samd
};
export const audienceLabels: Labels = {
	employees: m.courses_audience_employees,
	founders: m.courses_audience_founders,
	students: m.courses_audience_students
};
export const formatLabels: Labels = {
	online: m.courses_format_online,
	on_site: m.courses_format_on_site,
	hybrid: m.courses_format_hybrid
};
export const languageLabels: Labels = {
	ko: m.courses_language_ko,
	en: m.courses_language_en,
	ko_en: m.courses_language_ko_en
};
export const levelLabels: Labels = {
	introductory: m.courses_level_introductory,
	intermediate: m.courses_level_intermediate,
	advanced: m.courses_level_advanced
};
const statusLabels: Labels = {
	enrolled: m.courses_status_enrolled,
	waitlisted: m.courses_status_waitlisted,
	offered: m.courses_status_offered,
	cancelled: m.courses_status_cancelled,
	expired: m.courses_status_expired,
	completed: m.courses_status_completed,
	awaiting_employer: m.courses_status_awaiting_employer,
	refused: m.courses_status_refused
};

export const categoryLabel = label(categoryLabels);
export const audienceLabel = label(audienceLabels);
export const formatLabel = label(formatLabels);
export const languageLabel = label(languageLabels);
export const levelLabel = label(levelLabels);
export const statusLabel = label(statusLabels);

/** Options of a filter select, "any" first. */
export const filterOptions = (labels: Labels) => [
	{ value: '', label: m.courses_filter_any() },
	...Object.entries(labels).map(([value, text]) => ({ value, label: text() }))
];

const intlLocale = () => (getLocale() === 'ko' ? 'ko-KR' : 'en-GB');

/** A date and time in the viewer's zone and language, e.g. "2026. 3. 10. 14:00". */
export const formatWhen = (at: string | Date, timeZone: string) =>
	dateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone }).format(
		new Date(at)
	);

export const formatDate = (at: string | Date, timeZone: string) =>
	dateTimeFormat(intlLocale(), { dateStyle: 'medium', timeZone }).format(new Date(at));
