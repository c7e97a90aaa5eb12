// Matching puts the obvious best company first, and says why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { matchCompaniesForNeed, matchNeedsForCompany } from '$lib/server/needs/matching';
import { createTestDatabase } from './support/database';
import { actorOf, createCompany, createHospital, createTerm, postNeed } from './needs-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

describe('needs matching', () => {
	it('ranks the company with shared tags, an approved product and similar words first', async () => {
		const cardiology = await createTerm(db, 'department', 'Cardiology');
		const orthopaedics = await createTerm(db, 'department', 'Orthopaedics');
		const samd = await createTerm(db, 'field', 'Software as a medical device');
		const hospital = await createHospital(db);
		const best = await createCompany(db, {
			name_en: 'Rhythmwatch',
			termIds: [cardiology.id, samd.id],
			description_en: 'Smartwatch arrhythmia detection for atrial fibrillation screening',
			products: [{ name_en: 'Rhythmwatch AF', mfds_status: 'approved', mfds_class: 2, mfds_approval_no: '제허 1' }]
		});
		const partial = await createCompany(db, {
			name_en: 'Heartline',
			termIds: [cardiology.id],
			products: [{ name_en: 'Heartline Holter', mfds_status: 'in_review', mfds_class: 2 }]
		});
		const unrelated = await createCompany(db, {
			name_en: 'Bonecraft',
			termIds: [orthopaedics.id],
			description_en: 'Titanium implants',
			products: [{ name_en: 'Hip cup', mfds_status: 'approved', mfds_class: 3, mfds_approval_no: '제허 2' }]
		});
		const need = await postNeed(db, hospital.staff, {
			title_en: 'Smartwatch arrhythmia screening validation',
			description_en: 'We want to validate atrial fibrillation screening on smartwatches in our outpatient clinic.',
			department: cardiology.id,
			terms: [samd.id],
			required_stage: 'mfds_approved'
		});

		const matches = await matchCompaniesForNeed(db, actorOf(hospital.staff), need.id);
		expect(matches[0].org_id).toBe(best.org.id);
		expect(matches[0].shared_terms.map((t) => t.name_en).sort()).toEqual([
			'Cardiology',
			'Software as a medical device'
		]);
		expect(matches[0].stage_met).toBe(true);
		expect(matches[0].text_score).toBeGreaterThan(0);
		const order = matches.map((m) => m.org_id);
		expect(order.indexOf(partial.org.id)).toBeGreaterThan(0);
		const unrelatedAt = order.indexOf(unrelated.org.id);
		expect(unrelatedAt === -1 || unrelatedAt > order.indexOf(partial.org.id)).toBe(true);

		// And from the company's side, the need is its top suggestion.
		const forBest = await matchNeedsForCompany(db, actorOf(best.member), best.org.id);
		expect(forBest[0].need_id).toBe(need.id);
	});
});
