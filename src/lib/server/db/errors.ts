// SQLSTATE helpers: pg and PGlite both surface Postgres errors with a `code` and a `constraint`.

export const SQLSTATE = {
	uniqueViolation: '23505',
	foreignKeyViolation: '23503',
	checkViolation: '23514',
	exclusionViolation: '23P01',
	serializationFailure: '40001',
	deadlockDetected: '40P01'
} as const;

type PgError = { code?: string; constraint?: string };

function asPgError(error: unknown): PgError | undefined {
	return typeof error === 'object' && error !== null ? (error as PgError) : undefined;
}

export function hasSqlState(error: unknown, code: string, constraint?: string): boolean {
	const pgError = asPgError(error);
	if (pgError?.code !== code) return false;
	return constraint === undefined || pgError.constraint === constraint;
}

export const isUniqueViolation = (error: unknown, constraint?: string) =>
	hasSqlState(error, SQLSTATE.uniqueViolation, constraint);

export const isExclusionViolation = (error: unknown, constraint?: string) =>
	hasSqlState(error, SQLSTATE.exclusionViolation, constraint);

/**
 * Runs `work` (one whole transaction) again when PostgreSQL aborted it as a deadlock victim or a
 * serialization failure: two overlapping inserts checked against an exclusion constraint at the same
 * moment can wait on each other, and the retry then sees the winner and fails as a plain conflict.
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await work();
		} catch (error) {
			const transient =
				hasSqlState(error, SQLSTATE.deadlockDetected) || hasSqlState(error, SQLSTATE.serializationFailure);
			if (!transient || attempt >= attempts) throw error;
		}
	}
}
