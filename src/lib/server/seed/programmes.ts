// Seeds the demo programme calls with their applications, reviewers and reviews. A call is found
// again by its organisation and English title: a second run changes nothing.
import type { Transaction } from 'kysely';
import type { DB } from '../db/types';
import type { DemoCall } from './programmes-data';
import { DEMO_CALLS } from './programmes-data';
import { storePdf } from '../uploads/service';

type Ids = { orgIds: Map<string, string>; userIds: Map<string, string> };

const DAY_MS = 24 * 60 * 60 * 1000;
/** Ties the directory knows, behind the automatic conflict flags (the demo reviewer works at ETRI). */
const RELATIONS = [
	{ org: 'etri', related: 'daesung-surgical', kind: 'partner_of' as const },
	{ org: 'hanbit-medical-ventures', related: 'lumenscan-ai', kind: 'invested_in' as const },
	// Declared by the investor and waiting for Pulsewise's admins to confirm it (a demo of the answer).
	{ org: 'hanbit-medical-ventures', related: 'pulsewise', kind: 'invested_in' as const, status: 'declared' as const }
];
/** A one-page PDF, so the demo's business plans open in a viewer. */
const DEMO_PDF = [
	'%PDF-1.4',
	'1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
	'2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
	'3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
	'trailer << /Root 1 0 R >>',
	'%%EOF'
].join('\n');

const requireId = (map: Map<string, string>, key: string, what: string) => {
	const id = map.get(key);
	if (!id) throw new Error(`Programmes seed names an unknown ${what}: ${key}`);
	return id;
};

const instant = (value: number | string) =>
	typeof value === 'number' ? new Date(Date.now() + value * DAY_MS) : new Date(value);

async function ownerOf(trx: Transaction<DB>, orgId: string) {
	const row = await trx
		.selectFrom('memberships')
		.select('user_id')
		.where('org_id', '=', orgId)
		.where('role', '=', 'owner')
		.orderBy('user_id')
		.executeTakeFirst();
	return row?.user_id ?? null;
}

async function seedCall(trx: Transaction<DB>, demo: DemoCall, ids: Ids, terms: Map<string, string>) {
	const orgId = requireId(ids.orgIds, demo.org, 'organisation');
	const existing = await trx
		.selectFrom('programme_calls')
		.select('id')
		.where('org_id', '=', orgId)
		.where('title_en', '=', demo.title[1])
		.executeTakeFirst();
	if (existing) return;
	const opens = instant(demo.opens);
	const closes = instant(demo.closes);
	const call = await trx
		.insertInto('programme_calls')
		.values({
			programme_key: demo.key,
			org_id: orgId,
			title_ko: demo.title[0],
			title_en: demo.title[1],
			description_ko: demo.description[0],
			description_en: demo.description[1],
			field_term_id: demo.field ? (terms.get(demo.field) ?? null) : null,
			region: demo.region,
			budget_krw: demo.budget,
			places: demo.places,
			voucher_amount_krw: demo.voucher,
			opens_at: opens,
			closes_at: closes,
			programme_ends_at: instant(demo.ends),
			eligibility: JSON.stringify(demo.eligibility),
			questions: JSON.stringify(demo.questions),
			rubric: JSON.stringify(demo.rubric)
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const reviewerIds = demo.reviewers.map((email) => requireId(ids.userIds, email, 'reviewer'));
	await trx
		.insertInto('programme_call_reviewers')
		.values(reviewerIds.map((user_id) => ({ call_id: call.id, user_id })))
		.execute();
	const applicationIds = new Map<string, string>();
	let reserve = 0;
	for (const [index, app] of demo.applications.entries()) {
		const applicantId = requireId(ids.orgIds, app.org, 'applicant');
		const owner = await ownerOf(trx, applicantId);
		const submittedAt = new Date(opens.getTime() + (index + 1) * DAY_MS);
		const row = await trx
			.insertInto('programme_applications')
			.values({
				call_id: call.id,
				organisation_id: applicantId,
				status: app.status,
				answers: JSON.stringify({
					q0: app.project,
					q1: app.project,
					q2: '24',
					q3: '진단+컨설팅 / Diagnosis + consulting'
				}),
				reserve_position: app.status === 'reserve' ? ++reserve : null,
				decision_reason: app.reason ?? null,
				created_by: owner,
				submitted_at: submittedAt,
				decided_at: app.status === 'submitted' ? null : new Date(closes.getTime() + 7 * DAY_MS)
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		applicationIds.set(app.org, row.id);
		if (owner && demo.questions.some((question) => question.id === 'q4')) {
			const file = new File([DEMO_PDF], `${app.org}-business-plan.pdf`, { type: 'application/pdf' });
			const upload = await storePdf(trx, {
				ownerId: owner,
				orgId: applicantId,
				purpose: 'attachment',
				file,
				maxBytes: 1024 * 1024
			});
			await trx
				.insertInto('programme_application_files')
				.values({ application_id: row.id, question_id: 'q4', upload_id: upload.id })
				.execute();
		}
	}
	for (const [email, byOrg] of Object.entries(demo.reviews ?? {})) {
		const reviewerId = requireId(ids.userIds, email, 'reviewer');
		for (const [org, scores] of Object.entries(byOrg)) {
			const applicationId = requireId(applicationIds, org, 'reviewed applicant');
			await trx
				.insertInto('programme_conflicts')
				.values({ application_id: applicationId, reviewer_id: reviewerId, conflicted: false, auto_reason: null })
				.execute();
			await trx
				.insertInto('programme_reviews')
				.values({
					application_id: applicationId,
					reviewer_id: reviewerId,
					scores: JSON.stringify(scores),
					comment: '',
					submitted_at: new Date(closes.getTime() + DAY_MS)
				})
				.execute();
		}
	}
}

export async function seedProgrammes(trx: Transaction<DB>, ids: Ids): Promise<void> {
	const terms = new Map(
		(await trx.selectFrom('taxonomy_terms').select(['id', 'slug']).where('vocabulary', '=', 'field').execute()).map(
			(t) => [t.slug, t.id]
		)
	);
	for (const relation of RELATIONS) {
		await trx
			.insertInto('organization_relations')
			.values({
				org_id: requireId(ids.orgIds, relation.org, 'organisation'),
				related_org_id: requireId(ids.orgIds, relation.related, 'organisation'),
				kind: relation.kind,
				status: 'status' in relation ? relation.status : 'confirmed'
			})
			.onConflict((oc) => oc.doNothing())
			.execute();
	}
	for (const demo of DEMO_CALLS) await seedCall(trx, demo, ids, terms);
}
