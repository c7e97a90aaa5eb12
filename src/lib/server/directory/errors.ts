// Directory domain errors: logos that are not usable images, products the rules refuse, taken tag slugs.
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

export class TermSlugTakenError extends DomainError {
	constructor() {
		super('slug_taken', 409);
	}
}
