// The pitch deck: a private upload, served only to registrants who accepted the current NDA, the
// presenters, the moderator and operators. Everybody else gets the same 404 as a missing deck. Under an
// NDA the PDF itself goes to the session's team only; registrants read it in the deck room (ir/deck/).
import type { Executor } from '../db';
import { NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { uploadResponse } from '../uploads/service';
import { eventRole } from './access';
import { DeckDownloadOffError } from './deck/errors';
import * as irRepository from './repository';

/** The deck's upload id when the actor may read it; 404 otherwise. */
export async function requireDeckAccess(db: Executor, actor: Actor, eventId: string): Promise<string> {
	const event = await irRepository.findEvent(db, eventId);
	if (!event?.deck_upload_id) throw new NotFoundError();
	const role = await eventRole(db, actor, event);
	if (!role.deck) throw new NotFoundError();
	return event.deck_upload_id;
}

/** Whether the viewer gets the PDF itself: always without an NDA; under one only the session's team. */
export async function deckDownloadAllowed(db: Executor, actor: Actor, eventId: string): Promise<boolean> {
	const event = await irRepository.findEvent(db, eventId);
	if (!event) return false;
	return !event.nda_required || (await eventRole(db, actor, event)).team;
}

export async function deckResponse(db: Executor, actor: Actor, eventId: string): Promise<Response> {
	const uploadId = await requireDeckAccess(db, actor, eventId);
	if (!(await deckDownloadAllowed(db, actor, eventId))) throw new DeckDownloadOffError();
	return uploadResponse(db, uploadId);
}

export function findDeck(db: Executor, uploadId: string) {
	return db
		.selectFrom('uploads')
		.select(['id', 'filename', 'size_bytes'])
		.where('id', '=', uploadId)
		.executeTakeFirst();
}
