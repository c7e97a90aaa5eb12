// Editing a need after posting: who may, what changes, and that responders keep their view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { NotFoundError } from '$lib/server/errors';
import { updateNeed } from '$lib/server/needs/edit';
import { NeedClosedError, NotHospitalSideError } from '$lib/server/needs/errors';
import { newNeedSchema } from '$lib/server/needs/schemas';
import { closeNeed, respondToNeed, setReviewer } from '$lib/server/needs/service';
import { canSeeNeed } from '$lib/server/needs/visibility';
import { createTestDatabase } from './support/database';
import { actorOf, context, createCompany, createHospital, createTerm, postNeed } from './needs-support';

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
const edit = (fields: Record<string, unknown>) =>
	newNeedSchema.parse({ title_en: 'Edited', type: 'joint_research', ...fields });

describe('editing a need', () => {
	it('changes the text, tags and deadline, with an audit row naming what changed', async () => {
		const hospital = await createHospital(db);
		const field = await createTerm(db, 'field', 'Cardiology devices');
		const other = await createTerm(db, 'capability', 'Signal processing');
		const need = await postNeed(db, hospital.staff, { terms: [field.id] });
		const updated = await updateNeed(
			db,
			actorOf(hospital.staff),
			need.id,
			edit({ title_ko: '수정된 제목', deadline: '2027-03-31', terms: [other.id], support_data: 'on' }),
			context
		);
		expect(updated).toMatchObject({
			title_ko: '수정된 제목',
			title_en: 'Edited',
			type: 'joint_research',
			deadline: '2027-03-31',
			support_data: true
		});
		expect(
			(await db.selectFrom('need_terms').select('term_id').where('need_id', '=', need.id).execute()).map(
				(t) => t.term_id
			)
		).toEqual([other.id]);
		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'data'])
			.where('entity_id', '=', need.id)
			.where('action', '=', 'need.updated')
			.executeTakeFirstOrThrow();
		expect((audit.data as { changed: string[] }).changed).toEqual(
			expect.arrayContaining(['title_ko', 'title_en', 'type', 'deadline', 'support_data'])
		);
		// Found by its new words.
		const search = await db
			.selectFrom('needs')
			.select('search_text')
			.where('id', '=', need.id)
			.executeTakeFirstOrThrow();
		expect(search.search_text).toContain('수정된');
	});

	it('is for the author and the hospital admins only; reviewers, colleagues and companies are refused', async () => {
		const hospital = await createHospital(db);
		const company = await createCompany(db);
		const need = await postNeed(db, hospital.staff);
		await setReviewer(db, actorOf(hospital.admin), need.id, hospital.colleague.id, true, context);
		expect(await refusal(updateNeed(db, actorOf(hospital.colleague), need.id, edit({}), context))).toBeInstanceOf(
			NotHospitalSideError
		);
		expect(await refusal(updateNeed(db, actorOf(company.owner), need.id, edit({}), context))).toBeInstanceOf(
			NotHospitalSideError
		);
		await updateNeed(db, actorOf(hospital.admin), need.id, edit({ title_en: 'By the admin' }), context);
		const row = await db.selectFrom('needs').select('title_en').where('id', '=', need.id).executeTakeFirstOrThrow();
		expect(row.title_en).toBe('By the admin');

		const stranger = await createHospital(db);
		const hidden = await postNeed(db, hospital.staff, { visibility: 'invited', invited: [company.org.id] });
		expect(await refusal(updateNeed(db, actorOf(stranger.admin), hidden.id, edit({}), context))).toBeInstanceOf(
			NotFoundError
		);
	});

	it('refuses a closed need and changes nothing', async () => {
		const hospital = await createHospital(db);
		const need = await postNeed(db, hospital.staff, { title_en: 'Before' });
		await closeNeed(db, actorOf(hospital.staff), need.id, context);
		expect(
			await refusal(updateNeed(db, actorOf(hospital.staff), need.id, edit({ title_en: 'After' }), context))
		).toBeInstanceOf(NeedClosedError);
		expect(
			(await db.selectFrom('needs').select('title_en').where('id', '=', need.id).executeTakeFirstOrThrow()).title_en
		).toBe('Before');
	});

	it('narrowing to invited-only keeps companies that responded, hides the rest, and tells the newly invited', async () => {
		const hospital = await createHospital(db);
		const responder = await createCompany(db);
		const bystander = await createCompany(db);
		const invitee = await createCompany(db);
		const need = await postNeed(db, hospital.staff);
		await respondToNeed(db, actorOf(responder.member), need.id, { message: 'We can help', productIds: [] }, context);
		await updateNeed(
			db,
			actorOf(hospital.staff),
			need.id,
			edit({ visibility: 'invited', invited: [invitee.org.id] }),
			context
		);
		expect(await canSeeNeed(db, responder.member.id, need.id)).toBe(true);
		expect(await canSeeNeed(db, invitee.owner.id, need.id)).toBe(true);
		expect(await canSeeNeed(db, bystander.owner.id, need.id)).toBe(false);
		const told = await db
			.selectFrom('notifications')
			.select(['user_id', 'kind'])
			.where('kind', '=', 'needs_invited')
			.where('user_id', 'in', [invitee.owner.id, bystander.owner.id, responder.owner.id])
			.execute();
		expect(told.map((n) => n.user_id)).toEqual([invitee.owner.id]);
	});
});
