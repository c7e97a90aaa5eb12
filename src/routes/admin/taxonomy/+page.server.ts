import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { listTerms } from '$lib/server/directory/taxonomy-repository';
import * as taxonomy from '$lib/server/directory/taxonomy-service';
import { readForm } from '$lib/server/http/form';
import { failFromError } from '$lib/server/app/errors';
import { requestContext, requireOperator } from '$lib/server/http/context';
import { createTermSchema, deleteTermSchema, updateTermSchema } from './schema';

export const load = (async (event) => {
	requireOperator(event);
	const db = getDb();
	const counts = await db
		.selectFrom('organization_terms')
		.select(['term_id', (eb) => eb.fn.countAll<number>().as('count')])
		.groupBy('term_id')
		.execute();
	const usage = new Map(counts.map((c) => [c.term_id, Number(c.count)]));
	return { terms: (await listTerms(db)).map((t) => ({ ...t, organizations: usage.get(t.id) ?? 0 })) };
}) satisfies PageServerLoad;

export const actions = {
	create: async (event) => {
		const operator = requireOperator(event);
		const form = await readForm(event.request, createTermSchema);
		if (!form.ok) return fail(400, { action: 'create', errors: form.errors, values: form.values });
		try {
			await taxonomy.createTerm(getDb(), operator.id, form.data, requestContext(event).ip);
		} catch (error) {
			return failFromError(error, { action: 'create', values: form.values });
		}
		return { action: 'create', done: true };
	},
	update: async (event) => {
		const operator = requireOperator(event);
		const form = await readForm(event.request, updateTermSchema);
		if (!form.ok) return fail(400, { action: 'update', id: form.values.id, errors: form.errors });
		try {
			await taxonomy.updateTerm(getDb(), operator.id, form.data.id, form.data, requestContext(event).ip);
		} catch (error) {
			return failFromError(error, { action: 'update', id: form.data.id });
		}
		return { action: 'update', done: true };
	},
	delete: async (event) => {
		const operator = requireOperator(event);
		const form = await readForm(event.request, deleteTermSchema);
		if (!form.ok) return fail(400, { action: 'delete', errors: form.errors });
		try {
			await taxonomy.deleteTerm(getDb(), operator.id, form.data.id, requestContext(event).ip);
		} catch (error) {
			return failFromError(error, { action: 'delete' });
		}
		return { action: 'delete', done: true };
	}
} satisfies Actions;
