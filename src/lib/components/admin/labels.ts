// Translated labels for the operator console's enumerations; called at render time so the locale applies.
import * as m from '$lib/paraglide/messages';

const kindLabels: Record<string, () => string> = {
	company: m.admin_org_kind_company,
	hospital: m.admin_org_kind_hospital,
	agency: m.admin_org_kind_agency,
	university: m.admin_org_kind_university,
	investor: m.admin_org_kind_investor
};

export const orgKindLabel = (kind: string) => kindLabels[kind]?.() ?? kind;

const outboxStatus = {
	queued: { label: m.admin_outbox_status_queued, tone: 'warning' },
	sending: { label: m.admin_outbox_status_sending, tone: 'warning' },
	sent: { label: m.admin_outbox_status_sent, tone: 'success' },
	failed: { label: m.admin_outbox_status_failed, tone: 'danger' },
	kept: { label: m.admin_outbox_status_kept, tone: 'neutral' }
} as const;

export function outboxStatusBadge(status: string) {
	const entry = outboxStatus[status as keyof typeof outboxStatus];
	return entry ? { label: entry.label(), tone: entry.tone } : { label: status, tone: 'neutral' as const };
}

const entityLabels: Record<string, () => string> = {
	user: m.admin_audit_entity_user,
	organization: m.admin_audit_entity_organization
};

export const entityTypeLabel = (type: string) => entityLabels[type]?.() ?? type;
