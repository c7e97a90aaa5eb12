// The edit and products pages: every load and action re-checks that the viewer is an admin of this org.
import { fail, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { getDb } from '$lib/server/runtime';
import { requireOrgAdmin, type Actor } from '$lib/server/orgs/access';
import { findProfileBySlug } from '$lib/server/directory/profile-repository';
import { DomainError, NotFoundError } from '$lib/server/errors';
import { readForm } from '$lib/server/http/form';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { requestContext, requireUser } from '$lib/server/http/context';

type OrgEvent = RequestEvent<{ slug: string }>;

/** For loads: the organisation, or 404 / 403 as SvelteKit errors. */
export async function loadEditableOrg(event: OrgEvent) {
	const user = requireUser(event);
	const db = getDb();
	const org = await findProfileBySlug(db, event.params.slug);
	if (!org) throwLoadError(new NotFoundError());
	await requireOrgAdmin(db, user, org.id).catch(throwLoadError);
	return { org, actor: { id: user.id, isOperator: user.isOperator } };
}

export type AdminRun<T> = {
	actor: Actor;
	orgId: string;
	data: T;
	/** The posted text, to show again (a preview must not lose what was typed). */
	values: Record<string, string>;
	/** Repeated fields (checkboxes), which `values` holds only once. */
	lists: Record<string, string[]>;
	context: ReturnType<typeof requestContext>;
};

type Options = {
	/** Tells which form on the page the result belongs to. */
	formId: string;
	/** Refuses a body larger than this before reading it, with `tooLarge`. */
	maxBody?: { bytes: number; error: DomainError };
	/** Field names whose every value comes back in `lists`. */
	lists?: string[];
};

/** For actions: checks the admin right, parses the form with `schema`, runs, and maps errors to `fail()`. */
export async function adminAction<S extends z.ZodType, R extends Record<string, unknown>>(
	event: OrgEvent,
	schema: S,
	options: Options,
	run: (input: AdminRun<z.output<S>>) => Promise<R>
) {
	const user = requireUser(event);
	const actor = { id: user.id, isOperator: user.isOperator };
	const { formId } = options;
	const db = getDb();
	try {
		const org = await findProfileBySlug(db, event.params.slug);
		if (!org) throw new NotFoundError();
		// Before reading the body: an outsider gets 403 whatever they send.
		await requireOrgAdmin(db, actor, org.id);
		const length = Number(event.request.headers.get('content-length') ?? 0);
		if (options.maxBody && length > options.maxBody.bytes) throw options.maxBody.error;
		const lists = await readLists(event.request, options.lists);
		const form = await readForm(event.request, schema);
		if (!form.ok) return fail(400, { formId, errors: form.errors, values: form.values, lists });
		const result = await run({
			actor,
			orgId: org.id,
			data: form.data,
			values: form.values,
			lists,
			context: requestContext(event)
		});
		return { formId, ...result };
	} catch (error) {
		return failFromError(error, { formId });
	}
}

async function readLists(request: Request, names: string[] = []): Promise<Record<string, string[]>> {
	if (names.length === 0) return {};
	const form = await request
		.clone()
		.formData()
		.catch(() => new FormData());
	return Object.fromEntries(
		names.map((name) => [name, form.getAll(name).filter((v): v is string => typeof v === 'string')])
	);
}
