// A resource photo at page size (src/lib/server/testbed/photo-response.ts says who may see it).
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { throwLoadError } from '$lib/server/app/errors';
import { photoResponse } from '$lib/server/testbed/photo-response';

export const GET = (async ({ params, locals }) =>
	photoResponse(getDb(), locals.user ?? null, params.id, 'full').catch(throwLoadError)) satisfies RequestHandler;
