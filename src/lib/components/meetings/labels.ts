// Translated labels of meeting statuses; called at render time so the current locale applies.
import * as m from '$lib/paraglide/messages';

const statuses: Record<string, () => string> = {
	requested: m.meetings_status_requested,
	accepted: m.meetings_status_accepted,
	declined: m.meetings_status_declined,
	expired: m.meetings_status_expired,
	cancelled: m.meetings_status_cancelled
};
const tones = {
	requested: 'warning',
	accepted: 'success',
	declined: 'danger',
	expired: 'neutral',
	cancelled: 'neutral'
} as const;

export const meetingStatusLabel = (status: string) => statuses[status]?.() ?? status;
export const meetingTone = (status: string) => tones[status as keyof typeof tones] ?? 'neutral';
