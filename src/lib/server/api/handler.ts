// Wraps /api/v1 handlers: auth required or optional, domain errors as JSON problems, never a stack trace.
// The problem of a domain error comes from the portal's message table: app/api.ts binds it.
import type { RequestEvent } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import type { SessionUser } from '../auth/session';
import { problem } from '../http/errors';
import { DomainError } from '../errors';
import { isCrossSiteCookieWrite } from './same-origin';

type Handler<E extends RequestEvent> = (event: E, user: SessionUser) => Promise<Response> | Response;
type OptionalHandler<E extends RequestEvent> = (event: E, user: SessionUser | null) => Promise<Response> | Response;

/** The endpoint wrappers, with `problemFromError` turning a domain error into its JSON problem. */
export function apiEndpoints(problemFromError: (error: DomainError) => Response) {
	async function run(event: RequestEvent, body: () => Promise<Response> | Response): Promise<Response> {
		if (isCrossSiteCookieWrite(event)) return problem(403, 'cross_site_request', m.error_cross_site_request());
		try {
			return await body();
		} catch (error) {
			if (error instanceof DomainError) return problemFromError(error);
			event.locals.log.error({ err: error, path: event.url.pathname }, 'api error');
			return problem(500, 'internal', m.error_unexpected());
		}
	}

	function authenticated<E extends RequestEvent>(handler: Handler<E>) {
		return (event: E) =>
			run(event, () => {
				const user = event.locals.user;
				if (!user) return problem(401, 'unauthenticated', m.error_unauthenticated(), { 'www-authenticate': 'Bearer' });
				return handler(event, user);
			});
	}

	function publicEndpoint<E extends RequestEvent>(handler: OptionalHandler<E>) {
		return (event: E) => run(event, () => handler(event, event.locals.user));
	}

	return { authenticated, publicEndpoint };
}

type Issue = { path: PropertyKey[]; message: string; code?: string; params?: { code?: unknown } };

/** 400 for malformed input; 422 with the rule's own code when well-formed fields break a rule (`params.code` of a refine). */
export function invalidInput(issues: Issue[]) {
	const rule = issues.find((issue) => issue.code === 'custom' && typeof issue.params?.code === 'string');
	if (rule) return problem(422, String(rule.params!.code), rule.message);
	const first = issues[0];
	const where = first && first.path.length ? `${first.path.join('.')}: ` : '';
	return problem(400, 'validation_failed', `${m.error_validation_failed()} ${where}${first?.message ?? ''}`.trim());
}
