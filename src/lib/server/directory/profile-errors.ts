// What can go wrong when an org admin edits the profile: a logo that is not a usable image, a product the rules refuse.
import { DomainError } from '../errors';

export class LogoTooLargeError extends DomainError {
	constructor(maxBytes: number) {
		super('logo_too_large', 413, { mb: Math.round(maxBytes / (1024 * 1024)) });
	}
}

/** Not PNG, JPEG or WebP by its bytes (an SVG, a renamed text file, a truncated image…). */
export class LogoNotImageError extends DomainError {
	constructor() {
		super('logo_not_image', 415);
	}
}

export class LogoDimensionsError extends DomainError {
	constructor(maxPixels: number) {
		super('logo_dimensions', 422, { max: maxPixels });
	}
}

/** The database's own MFDS check refused the row (the form schema should have caught it first). */
export class ProductMfdsIncompleteError extends DomainError {
	constructor() {
		super('product_mfds_incomplete', 422);
	}
}
