import type { RequestHandler } from './$types';
import * as m from '$lib/paraglide/messages';
import { problem } from '$lib/server/http/errors';

const notFound: RequestHandler = () => problem(404, 'not_found', m.error_not_found());

export const GET = notFound;
export const POST = notFound;
export const PATCH = notFound;
export const PUT = notFound;
export const DELETE = notFound;
