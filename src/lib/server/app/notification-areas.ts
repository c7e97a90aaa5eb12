// Notification kinds grouped by area, for Settings → Notifications and the notification centre's
// filters. A kind's area is read from its name, so a new kind lands in its area without a list here.
import * as m from '$lib/paraglide/messages';
import { notificationTemplates, type NotificationKind } from './notifications';

export const NOTIFICATION_AREAS = ['testbed', 'courses', 'ir', 'needs', 'meetings', 'account'] as const;
export type NotificationArea = (typeof NOTIFICATION_AREAS)[number];

const BY_NAME: Record<string, NotificationArea> = {
	schedule_reminder_booking: 'testbed',
	schedule_reminder_course: 'courses',
	schedule_reminder_ir: 'ir',
	digest_needs_weekly: 'needs',
	renewal_reminder: 'courses',
	renewal_reminder_no_course: 'courses',
	avail_slot_held: 'testbed',
	avail_blackout_overlap: 'testbed'
};

export function areaOf(kind: string): NotificationArea {
	if (BY_NAME[kind]) return BY_NAME[kind];
	const prefix = kind.split('_')[0];
	if (prefix === 'testbed' || prefix === 'courses' || prefix === 'ir' || prefix === 'needs' || prefix === 'meetings')
		return prefix;
	return 'account';
}

export const notificationKinds = () => Object.keys(notificationTemplates) as NotificationKind[];

export function kindsOfArea(area: NotificationArea): NotificationKind[] {
	return notificationKinds().filter((kind) => areaOf(kind) === area);
}

// Titles read their params; in a list of kinds, each param shows as an ellipsis ("Booking confirmed: …").
const placeholders = new Proxy({} as Record<string, string>, {
	get: (_target, key) => (typeof key === 'string' ? '…' : undefined)
});

/** Kinds whose title is mostly its details: they get a name of their own. */
const NAMED: Record<string, (o: { locale: 'ko' | 'en' }) => string> = {
	schedule_reminder_booking: (o) => m.notify_settings_kind_schedule_reminder_booking({}, o),
	schedule_reminder_course: (o) => m.notify_settings_kind_schedule_reminder_course({}, o),
	schedule_reminder_ir: (o) => m.notify_settings_kind_schedule_reminder_ir({}, o),
	digest_needs_weekly: (o) => m.notify_settings_kind_digest_needs_weekly({}, o),
	org_contact: (o) => m.notify_settings_kind_org_contact({}, o),
	renewal_reminder: (o) => m.renewal_settings_kind({}, o),
	renewal_reminder_no_course: (o) => m.renewal_settings_kind_no_course({}, o)
};

/** A kind's name for people: its notification title without the details ("Booking confirmed"). */
export function kindTitle(kind: string, locale: 'ko' | 'en'): string {
	if (NAMED[kind]) return NAMED[kind]({ locale });
	const template = notificationTemplates[kind as NotificationKind];
	if (!template) return kind;
	const title = template.title(placeholders, locale);
	// "Booking confirmed: …", "Meeting request: … → …": the part before the details.
	return title.replace(/\s*:\s.*….*$/u, '');
}

/** Every kind, grouped by area in display order. */
export function kindsByArea(locale: 'ko' | 'en') {
	return NOTIFICATION_AREAS.map((area) => ({
		area,
		kinds: kindsOfArea(area).map((kind) => ({ kind, title: kindTitle(kind, locale) }))
	})).filter((group) => group.kinds.length > 0);
}
