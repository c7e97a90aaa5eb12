import { fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { decideVerification } from '$lib/server/orgs/service';
import * as orgRepository from '$lib/server/orgs/repository';
import { readForm } from '$lib/server/http/form';
import { failFromError } from '$lib/server/app/errors';
import { requestContext, requireOperator } from '$lib/server/http/context';
import { rejectSchema, verifySchema } from './schema';

const RECENT_REJECTED = 20;

export const load = (async (event) => {
	requireOperator(event);
	const db = getDb();
	const [pending, rejected] = await Promise.all([
		orgRepository.listOrganizationsByStatus(db, 'pending'),
		orgRepository.listOrganizationsByStatus(db, 'rejected')
	]);
	return {
		pending,
		rejected: rejected
			.sort((a, b) => b.updated_at.getTime() - a.updated_at.getTime())
			.slice(0, RECENT_REJECTED)
			.map(({ id, slug, kind, name_ko, name_en, status_reason, updated_at }) => ({
				id,
				slug,
				kind,
				name_ko,
				name_en,
				status_reason,
				updated_at
			}))
	};
}) satisfies PageServerLoad;

type Decision = { action: 'verify' | 'reject'; orgId: string; verified: boolean; reason: string | null };

async function decide(event: RequestEvent, operatorId: string, decision: Decision) {
	const { action, orgId, verified, reason } = decision;
	try {
		const org = await decideVerification(getDb(), operatorId, orgId, { verified, reason }, requestContext(event));
		const name = event.locals.locale === 'ko' ? org.name_ko : org.name_en;
		return { action, success: verified ? m.admin_verified_done({ org: name }) : m.admin_rejected_done({ org: name }) };
	} catch (error) {
		return failFromError(error, { action, orgId });
	}
}

export const actions = {
	verify: async (event) => {
		const operator = requireOperator(event);
		const form = await readForm(event.request, verifySchema);
		if (!form.ok) {
			return fail(400, {
				action: 'verify' as const,
				orgId: form.values.orgId,
				message: m.error_validation_failed(),
				errors: form.errors,
				values: form.values
			});
		}
		return decide(event, operator.id, {
			action: 'verify',
			orgId: form.data.orgId,
			verified: true,
			reason: form.data.reason
		});
	},
	reject: async (event) => {
		const operator = requireOperator(event);
		const form = await readForm(event.request, rejectSchema);
		if (!form.ok) {
			return fail(400, {
				action: 'reject' as const,
				orgId: form.values.orgId,
				message: m.error_validation_failed(),
				errors: form.errors,
				values: form.values
			});
		}
		return decide(event, operator.id, {
			action: 'reject',
			orgId: form.data.orgId,
			verified: false,
			reason: form.data.reason
		});
	}
} satisfies Actions;
