// Labels and formats of the schedule, in the reader's language and time zone.
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { dateTimeFormat } from '$lib/intl-cache';

export const KINDS = ['booking', 'course', 'ir', 'meeting'] as const;
export type Kind = (typeof KINDS)[number];

const kindLabels: Record<Kind, () => string> = {
	booking: m.schedule_kind_booking,
	course: m.schedule_kind_course,
	ir: m.schedule_kind_ir,
	meeting: m.schedule_kind_meeting
};
export const kindLabel = (kind: string) => kindLabels[kind as Kind]?.() ?? kind;

const intlLocale = () => (getLocale() === 'en' ? 'en-GB' : 'ko-KR');

export const timeOf = (date: Date, timeZone: string) =>
	dateTimeFormat(intlLocale(), { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);

/** `2026-11-23` as "Mon 23 Nov" / "11월 23일 (월)"; parsed at UTC noon so no zone moves the day. */
export const dayLabel = (
	date: string,
	options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' }
) => dateTimeFormat(intlLocale(), { ...options, timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

export const monthLabel = (date: string) => dayLabel(date, { year: 'numeric', month: 'long' });

/** An item as the page receives it from the server (the schedule service's entry). */
export type ScheduleEntryView = {
	uid: string;
	kind: string;
	title_ko: string;
	title_en: string;
	startsAt: Date;
	endsAt: Date;
	status: string;
	link: string;
	location_ko: string;
	location_en: string;
	conflictsWith: { uid: string; title_ko: string; title_en: string }[];
};
