// Dates and times of the testbed pages, in the viewer's time zone and language.
import { getLocale } from '$lib/paraglide/runtime';
import * as m from '$lib/paraglide/messages';
import { dateTimeFormat, numberFormat } from '$lib/intl-cache';

const intlLocale = () => (getLocale() === 'ko' ? 'ko-KR' : 'en-GB');

export const formatTime = (iso: string | Date, timeZone: string) =>
	dateTimeFormat(intlLocale(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
		new Date(iso)
	);

/** A calendar date (YYYY-MM-DD) with its weekday, e.g. "11월 24일 (화)" or "Tue 24 Nov". */
export const formatDay = (date: string) =>
	dateTimeFormat(intlLocale(), { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
		new Date(`${date}T12:00:00Z`)
	);

export function formatRange(start: string | Date, end: string | Date, timeZone: string) {
	const day = dateTimeFormat(intlLocale(), { dateStyle: 'medium', timeZone }).format(new Date(start));
	return `${day} ${formatTime(start, timeZone)}–${formatTime(end, timeZone)}`;
}

/** The wall-clock date and time of an instant in `timeZone`, as form fields want them. */
export function wallClock(iso: string | Date, timeZone: string): { date: string; time: string } {
	const parts = Object.fromEntries(
		dateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		})
			.formatToParts(new Date(iso))
			.map((p) => [p.type, p.value])
	);
	return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

export const kindLabel = (kind: string) =>
	(
		({
			equipment: m.testbed_kind_equipment,
			space: m.testbed_kind_space,
			device_loan: m.testbed_kind_device_loan,
			service: m.testbed_kind_service
		}) as Record<string, () => string>
	)[kind]?.() ?? kind;

export const statusLabel = (status: string) =>
	(
		({
			pending: m.testbed_status_pending,
			confirmed: m.testbed_status_confirmed,
			rejected: m.testbed_status_rejected,
			cancelled: m.testbed_status_cancelled,
			completed: m.testbed_status_completed,
			no_show: m.testbed_status_no_show,
			expired: m.testbed_status_expired
		}) as Record<string, () => string>
	)[status]?.() ?? status;

export const statusTone = (status: string) =>
	(
		({ pending: 'warning', confirmed: 'success', completed: 'primary', rejected: 'danger', no_show: 'danger' }) as const
	)[status as 'pending'] ?? 'neutral';

export const durationLabel = (minutes: number) =>
	minutes % 60 === 0
		? m.testbed_hours({ hours: String(minutes / 60) })
		: m.testbed_minutes({ minutes: String(minutes) });

/** 0.456 → "45.6%"; null (nothing to divide by) → "—". */
export const formatPercent = (ratio: number | null) =>
	ratio === null ? '—' : numberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 1 }).format(ratio);

export const formatNumber = (x: number) => numberFormat(intlLocale(), { maximumFractionDigits: 1 }).format(x);
