// Responses: a company reaches only its own; the hospital side decides, keeps notes, and talks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { InvalidStateError, NotFoundError } from '$lib/server/errors';
import { NeedClosedError, NotHospitalSideError, ResponseExistsError } from '$lib/server/needs/errors';
import {
	addReviewerNote,
	decideResponse,
	listVisibleResponses,
	loadThread,
	markThreadReadBy,
	postThreadMessage,
	requireResponseAccess
} from '$lib/server/needs/responses';
import { countUnreadInThread } from '$lib/server/needs/responses-repository';
import { respondToNeed, setReviewer } from '$lib/server/needs/service';
import { decisionSchema } from '$lib/server/needs/schemas';
import { createTestDatabase } from './support/database';
import { actorOf, context, createCompany, createHospital, postNeed } from './needs-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const refusal = (promise: Promise<unknown>) =>
	promise.then(
		() => null,
		(error) => error
	);

async function scenario() {
	const hospital = await createHospital(db);
	const alpha = await createCompany(db, { products: [{ name_en: 'Alpha ECG' }] });
	const beta = await createCompany(db);
	const need = await postNeed(db, hospital.staff);
	const product = await db
		.selectFrom('products')
		.select('id')
		.where('org_id', '=', alpha.org.id)
		.executeTakeFirstOrThrow();
	const foreign = await db
		.insertInto('products')
		.values({ org_id: beta.org.id, name_ko: '남의 제품', name_en: 'Not yours' })
		.returning('id')
		.executeTakeFirstOrThrow();
	const alphaResponse = await respondToNeed(
		db,
		actorOf(alpha.member),
		need.id,
		{ message: 'We validated on 300 patients.', productIds: [product.id, foreign.id] },
		context
	);
	const betaResponse = await respondToNeed(
		db,
		actorOf(beta.owner),
		need.id,
		{ message: 'Our sensor fits.', productIds: [] },
		context
	);
	return { hospital, alpha, beta, need, alphaResponse, betaResponse, product };
}

describe('need responses', () => {
	it('keeps each company to its own response and thread', async () => {
		const { hospital, alpha, beta, need, alphaResponse, betaResponse, product } = await scenario();
		expect(alphaResponse.product_ids).toEqual([product.id]);
		expect(
			await refusal(respondToNeed(db, actorOf(alpha.owner), need.id, { message: 'again', productIds: [] }, context))
		).toBeInstanceOf(ResponseExistsError);

		const betaActor = actorOf(beta.member);
		for (const attempt of [
			() => requireResponseAccess(db, betaActor, alphaResponse.id),
			() => loadThread(db, betaActor, alphaResponse.id),
			() => markThreadReadBy(db, betaActor, alphaResponse.id),
			() => postThreadMessage(db, betaActor, alphaResponse.id, 'peek'),
			() => addReviewerNote(db, betaActor, alphaResponse.id, 'peek', context)
		]) {
			expect(await refusal(attempt())).toBeInstanceOf(NotFoundError);
		}
		const seen = await listVisibleResponses(db, betaActor, need);
		expect(seen.side).toBe('company');
		expect(seen.responses.map((r) => r.id)).toEqual([betaResponse.id]);
		expect(seen.notes).toEqual([]);

		// A plain colleague at the hospital is not on the hospital side until assigned as a reviewer.
		const colleague = actorOf(hospital.colleague);
		expect((await listVisibleResponses(db, colleague, need)).responses).toEqual([]);
		expect(await refusal(loadThread(db, colleague, alphaResponse.id))).toBeInstanceOf(NotFoundError);
		expect(await refusal(markThreadReadBy(db, colleague, alphaResponse.id))).toBeInstanceOf(NotFoundError);
		expect(
			await refusal(setReviewer(db, actorOf(hospital.staff), need.id, hospital.colleague.id, true, context))
		).toBeInstanceOf(NotHospitalSideError);
		await setReviewer(db, actorOf(hospital.admin), need.id, hospital.colleague.id, true, context);
		expect((await listVisibleResponses(db, colleague, need)).responses).toHaveLength(2);
		await addReviewerNote(db, colleague, alphaResponse.id, 'Strong clinical data', context);
		expect((await listVisibleResponses(db, actorOf(hospital.staff), need)).notes.map((n) => n.body)).toEqual([
			'Strong clinical data'
		]);
		expect((await listVisibleResponses(db, actorOf(alpha.member), need)).notes).toEqual([]);
	});

	it('accepts with a match, notifies both sides, and audits every step', async () => {
		const { hospital, alpha, beta, need, alphaResponse, betaResponse } = await scenario();
		const decide = (user: { id: string }, id: string, input: Record<string, unknown>) =>
			decideResponse(db, actorOf(user), id, decisionSchema.parse(input), context);
		expect(await refusal(decide(alpha.owner, alphaResponse.id, { decision: 'accepted' }))).toBeInstanceOf(
			NotHospitalSideError
		);
		expect(decisionSchema.safeParse({ decision: 'declined' }).success).toBe(false);

		await decide(hospital.staff, alphaResponse.id, { decision: 'shortlisted' });
		await decide(hospital.staff, betaResponse.id, { decision: 'declined', reason: 'Out of scope' });
		await decide(hospital.staff, alphaResponse.id, { decision: 'accepted', markMatched: 'on' });
		expect(await refusal(decide(hospital.staff, betaResponse.id, { decision: 'accepted' }))).toBeInstanceOf(
			InvalidStateError
		);

		const after = await db
			.selectFrom('needs')
			.select(['status', 'matched_response_id'])
			.where('id', '=', need.id)
			.executeTakeFirstOrThrow();
		expect(after).toEqual({ status: 'matched', matched_response_id: alphaResponse.id });
		const kinds = async (userId: string) =>
			(
				await db
					.selectFrom('notifications')
					.select('kind')
					.where('user_id', '=', userId)
					.orderBy('created_at')
					.execute()
			).map((n) => n.kind);
		expect(await kinds(alpha.member.id)).toEqual(['needs_response_shortlisted', 'needs_response_accepted']);
		expect(await kinds(beta.owner.id)).toEqual(['needs_response_declined']);
		expect(await kinds(hospital.admin.id)).toContain('needs_match_confirmed');
		expect(await kinds(hospital.colleague.id)).toEqual([]);

		const audit = await db
			.selectFrom('audit_log')
			.select('action')
			.where('entity_id', 'in', [need.id, alphaResponse.id, betaResponse.id])
			.orderBy('id')
			.execute();
		expect(audit.map((a) => a.action)).toEqual([
			'need.created',
			'need_response.submitted',
			'need_response.submitted',
			'need_response.shortlisted',
			'need_response.declined',
			'need_response.accepted',
			'need.matched'
		]);
	});

	it('takes responses until the deadline day, and not after', async () => {
		const hospital = await createHospital(db);
		const company = await createCompany(db);
		const open = await postNeed(db, hospital.staff, { deadline: '2099-12-31' });
		const past = await postNeed(db, hospital.staff, { deadline: '2020-01-01' });
		expect(
			(await respondToNeed(db, actorOf(company.member), open.id, { message: 'in time', productIds: [] }, context))
				.status
		).toBe('submitted');
		expect(
			await refusal(respondToNeed(db, actorOf(company.member), past.id, { message: 'late', productIds: [] }, context))
		).toBeInstanceOf(NeedClosedError);
	});

	it('counts unread thread messages per side', async () => {
		const { hospital, alpha, alphaResponse } = await scenario();
		await postThreadMessage(db, actorOf(alpha.member), alphaResponse.id, 'Hello from Alpha');
		await postThreadMessage(db, actorOf(alpha.owner), alphaResponse.id, 'And from the CEO');
		expect(await countUnreadInThread(db, alphaResponse.id, hospital.staff.id)).toBe(2);
		expect(await countUnreadInThread(db, alphaResponse.id, alpha.member.id)).toBe(1);
		// Loading the thread only reads (issue 19): it stays unread until the reader says so.
		const thread = await loadThread(db, actorOf(hospital.staff), alphaResponse.id);
		expect(thread.side).toBe('hospital');
		expect(thread.messages.map((m) => m.body)).toEqual(['Hello from Alpha', 'And from the CEO']);
		expect(thread.unread).toBe(2);
		expect(await countUnreadInThread(db, alphaResponse.id, hospital.staff.id)).toBe(2);
		await markThreadReadBy(db, actorOf(hospital.staff), alphaResponse.id);
		expect(await countUnreadInThread(db, alphaResponse.id, hospital.staff.id)).toBe(0);
	});
});
