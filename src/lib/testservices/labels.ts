// People's names of the standards and statuses of testing-service requests (pages and e-mails share them).
import * as m from '$lib/paraglide/messages';

const STANDARDS: Record<string, string> = {
	iec_60601_1: 'IEC 60601-1',
	iec_60601_1_2: 'IEC 60601-1-2',
	iec_62304: 'IEC 62304',
	iso_10993: 'ISO 10993',
	iso_14971: 'ISO 14971'
};

export const standardLabel = (s: string) => STANDARDS[s] ?? m.tsvc_standard_other();

export function statusLabel(status: string): string {
	const labels: Record<string, () => string> = {
		requested: m.tsvc_status_requested,
		quoted: m.tsvc_status_quoted,
		approved: m.tsvc_status_approved,
		declined: m.tsvc_status_declined,
		received: m.tsvc_status_received,
		in_progress: m.tsvc_status_in_progress,
		delivered: m.tsvc_status_delivered,
		cancelled: m.tsvc_status_cancelled
	};
	return labels[status]?.() ?? status;
}
