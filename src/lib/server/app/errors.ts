// The messages of every domain's error codes in one table, and the responses built on it: what a
// form action, a load, an API endpoint or a socket reply says when a domain refuses.
import { errorResponses, type ErrorMessages, portalErrorMessages } from '../http/errors';
import { needsErrorMessages } from '../needs/error-messages';
import { meetingsErrorMessages } from '../meetings/error-messages';
import { irErrorMessages } from '../ir/error-messages';
import { voucherErrorMessages } from '../vouchers/error-messages';
import { courseEditErrorMessages } from '../courses/edit-error-messages';
import { securityErrorMessages } from '../auth/error-messages';
import { programmesErrorMessages } from '../programmes/error-messages';
import { consultingErrorMessages } from '../consulting/error-messages';
import { relationsErrorMessages } from '../relations/error-messages';
import { resourcePhotoErrorMessages } from '../testbed/photo-error-messages';
import { availabilityErrorMessages } from '../testbed/slot-holds-error-messages';
import { deckErrorMessages } from '../ir/deck/error-messages';
import { testServicesErrorMessages } from '../testservices/error-messages';
import { matchmakingErrorMessages } from '../matchmaking/error-messages';
import { courseAuthoringErrorMessages } from '../courses/authoring-error-messages';

const errorMessages: ErrorMessages = {
	...portalErrorMessages,
	...courseEditErrorMessages,
	...needsErrorMessages,
	...meetingsErrorMessages,
	...irErrorMessages,
	...voucherErrorMessages,
	...securityErrorMessages,
	...programmesErrorMessages,
	...consultingErrorMessages,
	...relationsErrorMessages,
	...resourcePhotoErrorMessages,
	...availabilityErrorMessages,
	...deckErrorMessages,
	...testServicesErrorMessages,
	...matchmakingErrorMessages,
	...courseAuthoringErrorMessages
};

const responses = errorResponses(errorMessages);

// Declared as functions (not destructured constants) so that TypeScript narrows after throwLoadError.
export function messageForError(...args: Parameters<typeof responses.messageForError>) {
	return responses.messageForError(...args);
}

export function failFromError<T extends Record<string, unknown> = Record<never, never>>(error: unknown, extra?: T) {
	return responses.failFromError<T>(error, extra);
}

export function throwLoadError(error: unknown): never {
	return responses.throwLoadError(error);
}

export function problemFromError(error: unknown): Response {
	return responses.problemFromError(error);
}
