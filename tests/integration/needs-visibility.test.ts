// The core security rule: a need is seen only by those its visibility allows, on every path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { NotFoundError } from '$lib/server/errors';
import { findVisibleNeed, listNeeds } from '$lib/server/needs/repository';
import { matchCompaniesForNeed, matchNeedsForCompany } from '$lib/server/needs/matching';
import { needsQuerySchema } from '$lib/server/needs/schemas';
import { notifyIfVisible, requireVisibleNeed, respondToNeed, setNeedSaved } from '$lib/server/needs/service';
import { canSeeNeed } from '$lib/server/needs/visibility';
import { NotHospitalStaffError } from '$lib/server/needs/errors';
import { createTestDatabase } from './support/database';
import { addMember, createOrganization, createUser } from '../factories';
import { actorOf, context, createCompany, createHospital, createTerm, postNeed } from './needs-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const TODAY = new Date().toISOString().slice(0, 10);
const query = (q = '') => needsQuerySchema.parse({ q, status: 'all' });
const refusal = (promise: Promise<unknown>) =>
	promise.then(
		() => null,
		(error) => error
	);
const notificationsOf = (userId: string) =>
	db.selectFrom('notifications').select(['kind', 'params']).where('user_id', '=', userId).execute();

describe('needs visibility', () => {
	it('hides an invited-only need from everybody else: lists, detail, search, matches, services, notifications', async () => {
		const hospital = await createHospital(db);
		const cardiology = await createTerm(db, 'department', 'Cardiology');
		const invited = await createCompany(db, { name_en: 'Invited Cardio', termIds: [cardiology.id] });
		const outsider = await createCompany(db, {
			name_en: 'Outsider Cardio',
			termIds: [cardiology.id],
			description_en: 'zebrafish arrhythmia wearable'
		});
		const need = await postNeed(db, hospital.staff, {
			title_en: 'Zebrafish arrhythmia wearable validation',
			department: cardiology.id,
			visibility: 'invited',
			invited: [invited.org.id]
		});

		// The invited company and the hospital see it.
		for (const user of [invited.member, invited.owner, hospital.staff, hospital.colleague]) {
			expect(await canSeeNeed(db, user.id, need.id)).toBe(true);
			expect(await findVisibleNeed(db, actorOf(user), need.id)).toBeDefined();
		}
		expect((await listNeeds(db, actorOf(invited.member), query('zebrafish'), TODAY)).needs.map((n) => n.id)).toContain(
			need.id
		);

		// The other company sees nothing anywhere.
		const other = actorOf(outsider.member);
		expect(await canSeeNeed(db, outsider.member.id, need.id)).toBe(false);
		expect((await listNeeds(db, other, query(), TODAY)).needs.map((n) => n.id)).not.toContain(need.id);
		expect((await listNeeds(db, other, query('zebrafish'), TODAY)).total).toBe(0);
		expect(await findVisibleNeed(db, other, need.id)).toBeUndefined();
		expect(await matchCompaniesForNeed(db, other, need.id)).toEqual([]);
		expect((await matchNeedsForCompany(db, other, outsider.org.id)).map((m) => m.need_id)).not.toContain(need.id);
		expect(await refusal(requireVisibleNeed(db, other, need.id))).toBeInstanceOf(NotFoundError);
		expect(
			await refusal(respondToNeed(db, other, need.id, { message: 'hello', productIds: [] }, context))
		).toBeInstanceOf(NotFoundError);
		expect(await refusal(setNeedSaved(db, other, need.id, true))).toBeInstanceOf(NotFoundError);
		// Nor is the outsider suggested to the hospital: it was not invited.
		const suggested = await matchCompaniesForNeed(db, actorOf(hospital.staff), need.id);
		expect(suggested.map((m) => m.org_id)).toEqual([invited.org.id]);
		// Visitors see none.
		expect((await listNeeds(db, null, query(), TODAY)).total).toBe(0);

		// Notifications: the invited company's owner was told; the outsider never is, even when asked to be.
		expect((await notificationsOf(invited.owner.id)).map((n) => n.kind)).toEqual(['needs_invited']);
		await notifyIfVisible(
			db,
			[outsider.owner.id, outsider.member.id],
			need.id,
			'needs_response_received',
			{ title: 'x', title_en: 'x', org: 'x', org_en: 'x' },
			`/needs/${need.id}`,
			context
		);
		expect(await notificationsOf(outsider.owner.id)).toEqual([]);
		expect(await notificationsOf(outsider.member.id)).toEqual([]);
	});

	it('companies_only needs skip universities and members of unverified organisations', async () => {
		const hospital = await createHospital(db);
		const need = await postNeed(db, hospital.staff, { visibility: 'companies_only' });
		const company = await createCompany(db);
		const university = await createCompany(db, { kind: 'university' });
		const pending = await createOrganization(db, { status: 'pending' });
		const pendingUser = await createUser(db);
		await addMember(db, pending.id, pendingUser.id, 'owner');
		expect(await canSeeNeed(db, company.member.id, need.id)).toBe(true);
		expect(await canSeeNeed(db, university.member.id, need.id)).toBe(false);
		expect(await canSeeNeed(db, pendingUser.id, need.id)).toBe(false);

		const open = await postNeed(db, hospital.staff, { visibility: 'all_members' });
		expect(await canSeeNeed(db, university.member.id, open.id)).toBe(true);
		expect(await canSeeNeed(db, pendingUser.id, open.id)).toBe(false);
	});

	it('lets only hospital staff post, and records the post in the audit log', async () => {
		const company = await createCompany(db);
		expect(await refusal(postNeed(db, company.owner))).toBeInstanceOf(NotHospitalStaffError);
		const hospital = await createHospital(db);
		const need = await postNeed(db, hospital.staff, { title_ko: '심전도 패치 검증', title_en: '' });
		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'actor_id'])
			.where('entity_id', '=', need.id)
			.execute();
		expect(audit).toEqual([{ action: 'need.created', actor_id: hospital.staff.id }]);
		expect((await listNeeds(db, actorOf(company.member), query('심전도'), TODAY)).needs.map((n) => n.id)).toEqual([
			need.id
		]);
	});
});
