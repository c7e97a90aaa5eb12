import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { buildOpenApiDocument } from '$lib/server/app/openapi';

export const GET: RequestHandler = ({ url }) => json(buildOpenApiDocument(new URL('/api/v1', url.origin).href));
