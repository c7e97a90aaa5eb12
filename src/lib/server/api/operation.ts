// One endpoint's entry in the OpenAPI document; each domain lists its own, api/openapi.ts joins them.
import type { z } from 'zod';

export type ApiResponse = { description: string; schema?: z.ZodType };

export type Operation = {
	method: 'get' | 'post' | 'put' | 'patch' | 'delete';
	path: string;
	/** Stable camelCase name of the operation; generated clients call it by this name, so never rename one. */
	operationId: string;
	summary: string;
	tags: string[];
	auth: 'required' | 'optional';
	pathParams?: Record<string, z.ZodType>;
	query?: Record<string, z.ZodType>;
	body?: z.ZodType;
	responses: Record<number, ApiResponse>;
};
