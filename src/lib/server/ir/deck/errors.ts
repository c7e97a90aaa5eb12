// Why the deck room refused; the codes map to translated messages (error-messages.ts).
import { DomainError } from '../../errors';

/** Under an NDA the deck is read in the viewer only; the PDF stays with the session's team. */
export class DeckDownloadOffError extends DomainError {
	constructor() {
		super('deck_download_off', 403);
	}
}
