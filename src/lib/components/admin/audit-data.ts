// An audit entry's data as lines a person reads ("status: pending → confirmed"), not raw JSON.
export type AuditLine = { key: string; value: string };

const MAX_VALUE = 200;

function show(value: unknown): string {
	if (value === null || value === undefined || value === '') return '—';
	if (Array.isArray(value)) return value.length ? value.map(show).join(', ') : '—';
	if (typeof value === 'object') {
		const o = value as Record<string, unknown>;
		// A change recorded as { from, to } or { before, after } reads as an arrow.
		if ('from' in o && 'to' in o) return `${show(o.from)} → ${show(o.to)}`;
		if ('before' in o && 'after' in o) return `${show(o.before)} → ${show(o.after)}`;
		return Object.entries(o)
			.map(([k, v]) => `${k}: ${show(v)}`)
			.join('; ');
	}
	if (typeof value === 'boolean') return value ? '✓' : '✗';
	const text = String(value);
	return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

export function auditLines(data: Record<string, unknown> | null | undefined): AuditLine[] {
	if (!data) return [];
	return Object.entries(data).map(([key, value]) => ({ key: key.replace(/_/g, ' '), value: show(value) }));
}

/** "need_response.note_added" → "need response · note added": readable when no translation exists. */
export function readableAction(action: string): string {
	return action
		.split('.')
		.map((part) => part.replace(/_/g, ' '))
		.join(' · ');
}
