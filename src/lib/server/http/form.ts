// Reads a form post through its zod schema; failures come back per field, translated.
import type { z } from 'zod';
import { findUncleanText, textNotAllowedMessage } from './text';

export type FieldErrors = Record<string, string>;

export type FormResult<T> =
	| { ok: true; data: T; values: Record<string, string>; form: FormData }
	| { ok: false; errors: FieldErrors; values: Record<string, string>; form: FormData };

export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const key = issue.path.join('.') || 'form';
		errors[key] ??= issue.message;
	}
	return errors;
}

/** Plain text values of a form, for redisplay (never passwords). */
function echoValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of form) {
		if (typeof value === 'string' && !/password|token/i.test(key)) values[key] = value.slice(0, 2000);
	}
	return values;
}

export async function readForm<S extends z.ZodType>(request: Request, schema: S): Promise<FormResult<z.output<S>>> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		form = new FormData();
	}
	const values = echoValues(form);
	const raw: Record<string, unknown> = {};
	for (const key of new Set(form.keys())) {
		const all = form.getAll(key);
		raw[key] = all.length > 1 ? all : all[0];
	}
	// Text PostgreSQL cannot store is refused in any field, including ones a schema forgot to mark as text().
	const unclean = findUncleanText(raw);
	if (unclean !== null) return { ok: false, errors: { [unclean]: textNotAllowedMessage() }, values, form };
	const parsed = schema.safeParse(raw);
	if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), values, form };
	return { ok: true, data: parsed.data, values, form };
}
