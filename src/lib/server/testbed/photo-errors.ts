// Why a resource photo was refused; the codes map to translated messages (photo-error-messages.ts).
import { DomainError } from '../errors';

export class PhotoTooLargeError extends DomainError {
	constructor(maxBytes: number) {
		super('resource_photo_too_large', 413, { mb: Math.round(maxBytes / (1024 * 1024)) });
	}
}

/** SVG, GIF, a renamed text file, or bytes that claim one format and hold another. */
export class PhotoNotImageError extends DomainError {
	constructor() {
		super('resource_photo_not_image', 415);
	}
}

export class PhotoDimensionsError extends DomainError {
	constructor(maxPixels: number) {
		super('resource_photo_dimensions', 422, { max: maxPixels });
	}
}

export class PhotoLimitError extends DomainError {
	constructor(max: number) {
		super('resource_photo_too_many', 409, { max });
	}
}
