import { error, fail, redirect } from '@sveltejs/kit';
import { sql } from 'kysely';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { DomainError } from '$lib/server/errors';
import { listManagedAgencies, requireCallManager } from '$lib/server/programmes/access';
import { editCall } from '$lib/server/programmes/call-edit';
import { callFormValues } from '$lib/server/programmes/call-form-values';
import { findCall, listCallFields, listReviewers } from '$lib/server/programmes/repository';
import { callFormSchema, idParam, readFormRows } from '$lib/server/programmes/schemas';

function callId(params: { id: string }) {
	const id = idParam.safeParse(params.id);
	if (!id.success) error(404, m.error_not_found());
	return id.data;
}

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const call = await findCall(db, callId(event.params));
	if (!call) error(404, m.error_not_found());
	await requireCallManager(db, user, call).catch(throwLoadError);
	const [agencies, fields, reviewers, phase] = await Promise.all([
		listManagedAgencies(db, user),
		listCallFields(db),
		listReviewers(db, call.id),
		sql<{
			opened: boolean;
			closed: boolean;
		}>`select now() >= ${call.opens_at} as opened, now() >= ${call.closes_at} as closed`
			.execute(db)
			.then((r) => r.rows[0])
	]);
	// The running agency stays in the list even for an operator who is not its member.
	const own = agencies.some((a) => a.id === call.org_id)
		? []
		: await db.selectFrom('organizations').select(['id', 'name_ko', 'name_en']).where('id', '=', call.org_id).execute();
	return {
		call: { id: call.id, title_ko: call.title_ko, title_en: call.title_en },
		agencies: [...agencies, ...own],
		fields,
		values: callFormValues(
			call,
			reviewers.map((r) => r.email)
		),
		phase: phase.closed ? ('closed' as const) : phase.opened ? ('open' as const) : ('upcoming' as const),
		saved: event.url.searchParams.has('saved'),
		notified: Number(event.url.searchParams.get('notified') ?? 0) || 0
	};
}) satisfies PageServerLoad;

/** What the form sent, for redisplay; the chosen organisation kinds travel comma-joined like the load's. */
const echo = (event: RequestEvent, values: Record<string, string>, form: FormData) => ({
	...values,
	org_kinds: form.getAll('org_kinds').join(',')
});

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const read = await readForm(event.request, callFormSchema);
		const values = echo(event, read.values, read.form);
		if (!read.ok) return fail(400, { errors: read.errors, values });
		const rows = readFormRows(read.data as Record<string, unknown>);
		if ('error' in rows) return fail(400, { errors: { [rows.error]: m.programmes_error_row() }, values });
		let result: Awaited<ReturnType<typeof editCall>>;
		try {
			result = await editCall(getDb(), user, callId(event.params), read.data, rows, requestContext(event));
		} catch (err) {
			if (err instanceof DomainError && err.code === 'validation_failed' && err.params.field === 'reviewer_emails') {
				return fail(400, {
					errors: { reviewer_emails: m.programmes_error_reviewer_unknown({ email: String(err.params.email) }) },
					values
				});
			}
			return failFromError(err, { values, errors: {} as Record<string, string> });
		}
		redirect(303, `/programmes/${event.params.id}/edit?saved${result.notified ? `&notified=${result.notified}` : ''}`);
	}
} satisfies Actions;
