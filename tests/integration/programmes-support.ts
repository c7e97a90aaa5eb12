// Test data for programmes: an agency with a call manager, applicant companies, reviewers, and a call.
import { sql, type Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Criterion, Eligibility, Question } from '$lib/server/db/programmes-types';
import { addMember, createOrganization, createUser, uniqueSuffix } from '../factories';

export const context = { ip: '127.0.0.1', origin: 'http://127.0.0.1:3000' };
export const actorOf = (user: { id: string }) => ({ id: user.id, isOperator: false });
export const refusal = (promise: Promise<unknown>) =>
	promise.then(
		() => null,
		(error) => error
	);

export async function createAgency(db: Kysely<DB>) {
	const org = await createOrganization(db, { kind: 'agency', name_en: `Agency ${uniqueSuffix()}` });
	const manager = await createUser(db);
	await addMember(db, org.id, manager.id, 'member');
	return { org, manager };
}

export async function createApplicant(db: Kysely<DB>, overrides: Parameters<typeof createOrganization>[1] = {}) {
	const org = await createOrganization(db, { kind: 'company', region: 'Seoul', employee_range: '11-50', ...overrides });
	const owner = await createUser(db, { locale: 'en' });
	await addMember(db, org.id, owner.id, 'owner');
	return { org, owner };
}

export const QUESTIONS: Question[] = [
	{ id: 'q0', kind: 'short_text', label_ko: '과제명', label_en: 'Project', required: true },
	{ id: 'q1', kind: 'number', label_ko: '직원 수', label_en: 'Staff', required: false }
];
export const RUBRIC: Criterion[] = [
	{ id: 'c0', label_ko: '기술성', label_en: 'Technology', weight: 2 },
	{ id: 'c1', label_ko: '사업성', label_en: 'Market', weight: 1 }
];

type CallOptions = {
	places?: number;
	eligibility?: Eligibility;
	questions?: Question[];
	programmeKey?: string;
	reviewers?: string[];
	closed?: boolean;
};

/** A call open from an hour ago for a day (or closed a minute ago), by the database's clock. */
export async function createCall(db: Kysely<DB>, orgId: string, options: CallOptions = {}) {
	const closes = options.closed ? sql<Date>`now() - interval '1 minute'` : sql<Date>`now() + interval '1 day'`;
	const call = await db
		.insertInto('programme_calls')
		.values({
			programme_key: options.programmeKey ?? `p-${uniqueSuffix()}`,
			org_id: orgId,
			title_ko: '시험 공고',
			title_en: 'Test call',
			budget_krw: 90_000_000,
			places: options.places ?? 2,
			voucher_amount_krw: 4_500_000,
			opens_at: sql<Date>`now() - interval '1 hour'`,
			closes_at: closes,
			programme_ends_at: sql<Date>`now() + interval '150 days'`,
			eligibility: JSON.stringify(options.eligibility ?? { orgKinds: ['company'], verifiedOnly: true }),
			questions: JSON.stringify(options.questions ?? QUESTIONS),
			rubric: JSON.stringify(RUBRIC)
		})
		.returningAll()
		.executeTakeFirstOrThrow();
	if (options.reviewers?.length)
		await db
			.insertInto('programme_call_reviewers')
			.values(options.reviewers.map((user_id) => ({ call_id: call.id, user_id })))
			.execute();
	return call;
}

export async function closeCall(db: Kysely<DB>, callId: string) {
	await db
		.updateTable('programme_calls')
		.set({ closes_at: sql`now() - interval '1 second'` })
		.where('id', '=', callId)
		.execute();
}

export const answers = { q0: 'AI ECG triage', q1: '12' };
