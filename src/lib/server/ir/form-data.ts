// What the schedule/edit pages need around the form: the startup's people and the form's values.
import type { Executor } from '../db';
import type { IrEventRow } from '../db/ir-types';
import { localInputValue } from '../meetings/schemas';
import { listOperators, listOrgMembers, listPresenters } from './repository';

/** Co-presenter choices (the startup's members) and moderator choices (its admins and operators). */
export async function peopleFor(db: Executor, orgId: string) {
	const [members, operators] = await Promise.all([listOrgMembers(db, orgId), listOperators(db)]);
	const admins = members.filter((p) => p.role === 'owner' || p.role === 'admin');
	const moderators = [...admins, ...operators.filter((o) => !admins.some((a) => a.id === o.id))].map((p) => ({
		id: p.id,
		name: p.name
	}));
	return { members: members.map((p) => ({ id: p.id, name: p.name })), moderators };
}

/** A session's columns as the form's string values, times in the user's zone. */
export async function valuesOf(db: Executor, event: IrEventRow, timeZone: string) {
	const presenters = await listPresenters(db, event.id);
	return {
		values: {
			title_ko: event.title_ko,
			title_en: event.title_en,
			summary_ko: event.summary_ko,
			summary_en: event.summary_en,
			starts_at: localInputValue(event.starts_at, timeZone),
			duration_minutes: String(event.duration_minutes),
			access: event.access,
			nda_required: event.nda_required ? 'on' : '',
			nda_text: event.nda_text ?? '',
			nda_version: event.nda_version ?? '',
			moderator_id: event.moderator_id
		} as Record<string, string>,
		presenters: presenters.map((p) => p.id)
	};
}

/** Field errors for a domain error that belongs to one field (the deck, the start, the moderator…). */
export function fieldOf(code: string): string | null {
	if (code.startsWith('upload_')) return 'deck';
	if (code === 'ir_start_in_past') return 'starts_at';
	if (code === 'ir_invalid_moderator') return 'moderator_id';
	if (code === 'ir_invalid_presenter') return 'presenters';
	return null;
}
