// Why a calendar feed change was refused.
import { DomainError } from '../errors';

/** Another request issued or revoked the same feed at the same moment and won (unique live token). */
export class FeedTokenConflictError extends DomainError {
	constructor() {
		super('conflict', 409);
	}
}

/** PostgreSQL's unique_violation, whichever driver (pg or PGlite) reports it. */
export const isUniqueViolation = (error: unknown) =>
	typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
