// Notification kinds grouped by area, for Settings → Notifications and the notification centre's
// filters. A kind's area is read from its name, so a new kind lands in its area without a list here.
import { notificationTemplates, type NotificationKind } from './kinds';

export const NOTIFICATION_AREAS = ['testbed', 'courses', 'ir', 'needs', 'meetings', 'account'] as const;
export type NotificationArea = (typeof NOTIFICATION_AREAS)[number];

const BY_NAME: Record<string, NotificationArea> = {
	schedule_reminder_booking: 'testbed',
	schedule_reminder_course: 'courses',
	schedule_reminder_ir: 'ir',
	digest_needs_weekly: 'needs'
};

export function areaOf(kind: string): NotificationArea {
	if (BY_NAME[kind]) return BY_NAME[kind];
	const prefix = kind.split('_')[0];
	if (prefix === 'testbed' || prefix === 'courses' || prefix === 'ir' || prefix === 'needs' || prefix === 'meetings') return prefix;
	return 'account';
}

export const notificationKinds = () => Object.keys(notificationTemplates) as NotificationKind[];

export function kindsOfArea(area: NotificationArea): NotificationKind[] {
	return notificationKinds().filter((kind) => areaOf(kind) === area);
}

// Titles read their params; in a list of kinds, each param shows as an ellipsis ("Booking confirmed: …").
const placeholders = new Proxy({} as Record<string, string>, { get: (_target, key) => (typeof key === 'string' ? '…' : undefined) });

/** A kind's name for people: its notification title with its details left out. */
export function kindTitle(kind: string, locale: 'ko' | 'en'): string {
	const template = notificationTemplates[kind as NotificationKind];
	return template ? template.title(placeholders, locale) : kind;
}

/** Every kind, grouped by area in display order. */
export function kindsByArea(locale: 'ko' | 'en') {
	return NOTIFICATION_AREAS.map((area) => ({ area, kinds: kindsOfArea(area).map((kind) => ({ kind, title: kindTitle(kind, locale) })) })).filter((group) => group.kinds.length > 0);
}
