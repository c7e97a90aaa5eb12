// Editing a posted call (issue 15): everything before it opens; once open only what leaves the rules
// as applicants found them, refused by name otherwise; applicants hear of a later deadline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import type { ProgrammeCallRow } from '$lib/server/db/programmes-types';
import { messageForError } from '$lib/server/app/errors';
import { saveDraft, submitApplication, withdrawApplication } from '$lib/server/programmes/applications';
import { editCall } from '$lib/server/programmes/call-edit';
import { callFormValues, seoulLocal } from '$lib/server/programmes/call-form-values';
import { CallEditRefusedError, NotCallManagerError } from '$lib/server/programmes/errors';
import { callFormSchema, readFormRows } from '$lib/server/programmes/schemas';
import { createUser } from '../factories';
import { createTestDatabase } from './support/database';
import {
	actorOf,
	answers,
	closeCall,
	context,
	createAgency,
	createApplicant,
	createCall,
	refusal
} from './programmes-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

/** The edit form as the page opens it (the call's own values), with `changes` typed over it. */
async function submitForm(call: ProgrammeCallRow, changes: Record<string, string> = {}, reviewers: string[] = []) {
	const typed: Record<string, unknown> = { ...callFormValues(call, reviewers), ...changes };
	// A browser sends an unticked checkbox as nothing at all, and each ticked kind as its own value.
	for (const key of Object.keys(typed))
		if (/^(verified_only|not_selected_in_programme|q\d_required)$/.test(key) && typed[key] === '') delete typed[key];
	typed.org_kinds = String(typed.org_kinds).split(',').filter(Boolean);
	const input = callFormSchema.parse(typed);
	const rows = readFormRows(input as Record<string, unknown>);
	if ('error' in rows) throw new Error(rows.error);
	return { input, rows };
}
const reload = (id: string) =>
	db.selectFrom('programme_calls').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const later = (date: Date, hours: number) => seoulLocal(new Date(new Date(date).getTime() + hours * 3_600_000));

describe('editing a programme call', () => {
	it('opens with the posted values, which save as no change even with seconds in the stored times', async () => {
		const { org, manager } = await createAgency(db);
		const call = await createCall(db, org.id);
		const { input, rows } = await submitForm(call);
		const result = await editCall(db, actorOf(manager), call.id, input, rows, context);
		expect(result).toMatchObject({ changed: [], extended: false, notified: 0 });
		expect(await reload(call.id)).toEqual({ ...call, updated_at: expect.any(Date) });
	});

	it('once open, changes the description, budget, more places, reviewers and a later deadline, and tells the applicants', async () => {
		const { org, manager } = await createAgency(db);
		const reviewer = await createUser(db);
		const call = await createCall(db, org.id);
		const drafting = await createApplicant(db);
		const submitted = await createApplicant(db);
		const withdrawn = await createApplicant(db);
		await saveDraft(
			db,
			actorOf(drafting.owner),
			{ callId: call.id, organisationId: drafting.org.id, answers },
			context
		);
		await submitApplication(
			db,
			actorOf(submitted.owner),
			{ callId: call.id, organisationId: submitted.org.id, answers },
			context
		);
		const gone = await saveDraft(
			db,
			actorOf(withdrawn.owner),
			{ callId: call.id, organisationId: withdrawn.org.id, answers },
			context
		);
		await withdrawApplication(db, actorOf(withdrawn.owner), gone.id, context);

		const { input, rows } = await submitForm(call, {
			description_en: 'Now with a mentoring track.',
			budget_krw: '120000000',
			places: '4',
			closes_at: later(call.closes_at, 48),
			reviewer_emails: reviewer.email
		});
		const result = await editCall(db, actorOf(manager), call.id, input, rows, context);
		expect(result).toMatchObject({
			changed: ['description_en', 'budget_krw', 'places', 'closes_at'],
			extended: true,
			notified: 2,
			reviewers: { added: [reviewer.id], removed: [] }
		});

		const row = await reload(call.id);
		expect(row).toMatchObject({
			description_en: 'Now with a mentoring track.',
			budget_krw: expect.anything(),
			places: 4,
			title_en: call.title_en,
			questions: call.questions
		});
		expect(Number(row.budget_krw)).toBe(120_000_000);
		expect(Math.floor(row.closes_at.getTime() / 60_000)).toBe(
			Math.floor((call.closes_at.getTime() + 48 * 3_600_000) / 60_000)
		);
		const told = await db
			.selectFrom('notifications')
			.select(['user_id', 'kind'])
			.where('kind', '=', 'programmes_deadline_extended')
			.where('user_id', 'in', [drafting.owner.id, submitted.owner.id, withdrawn.owner.id])
			.execute();
		expect(told.map((n) => n.user_id).sort()).toEqual([drafting.owner.id, submitted.owner.id].sort());
		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'data'])
			.where('entity_id', '=', call.id)
			.where('action', '=', 'programme_call.updated')
			.execute();
		expect(audit).toHaveLength(1);
		expect(
			await db.selectFrom('programme_call_reviewers').select('user_id').where('call_id', '=', call.id).execute()
		).toEqual([{ user_id: reviewer.id }]);
	});

	it('once open, refuses what changes the rules, with a message naming it, and writes nothing', async () => {
		const { org, manager } = await createAgency(db);
		const reviewer = await createUser(db);
		const call = await createCall(db, org.id, { places: 3, reviewers: [reviewer.id] });
		const cases: [Record<string, string>, object][] = [
			[
				{ title_en: 'Another call', description_en: 'x' },
				{ rule: 'locked', field: 'title_en' }
			],
			[{ q0_required: '' }, { rule: 'locked', field: 'questions' }],
			[{ verified_only: '' }, { rule: 'locked', field: 'eligibility' }],
			[{ r0_weight: '5' }, { rule: 'locked', field: 'rubric' }],
			[{ places: '2' }, { rule: 'places_down', field: 'places' }],
			[{ closes_at: later(call.closes_at, -2) }, { rule: 'closes_earlier', field: 'closes_at' }]
		];
		for (const [changes, params] of cases) {
			const { input, rows } = await submitForm(call, changes, []);
			const error = await refusal(editCall(db, actorOf(manager), call.id, input, rows, context));
			expect(error).toBeInstanceOf(CallEditRefusedError);
			expect(error.params).toEqual(params);
		}
		const { input, rows } = await submitForm(call, { title_en: 'Another call' });
		const error = await refusal(editCall(db, actorOf(manager), call.id, input, rows, context));
		expect(messageForError(error, 'en')).toBe(
			"Once a call has opened, 'Title (English)' cannot change: applicants are already applying under it."
		);
		expect(messageForError(error, 'ko')).toContain("'제목 (영어)' 항목을 바꿀 수 없습니다");
		expect(await reload(call.id)).toEqual(call);
		expect(
			await db.selectFrom('programme_call_reviewers').select('user_id').where('call_id', '=', call.id).execute()
		).toEqual([{ user_id: reviewer.id }]);
	});

	it('before it opens, changes everything, the rules and form included', async () => {
		const { org, manager } = await createAgency(db);
		const call = await createCall(db, org.id, { places: 5 });
		await db
			.updateTable('programme_calls')
			.set({ opens_at: sql`now() + interval '2 hours'`, closes_at: sql`now() + interval '3 days'` })
			.where('id', '=', call.id)
			.execute();
		const upcoming = await reload(call.id);
		const { input, rows } = await submitForm(upcoming, {
			title_en: 'Renamed',
			places: '2',
			verified_only: '',
			q0_label_en: 'Project title',
			r1_label_ko: '',
			r1_label_en: '',
			closes_at: later(upcoming.closes_at, -24)
		});
		const result = await editCall(db, actorOf(manager), call.id, input, rows, context);
		expect(result.changed).toEqual(['title_en', 'places', 'closes_at', 'eligibility', 'questions', 'rubric']);
		expect(result.notified).toBe(0);
		const row = await reload(call.id);
		expect(row).toMatchObject({ title_en: 'Renamed', places: 2, eligibility: { verifiedOnly: false } });
		expect(row.questions[0].label_en).toBe('Project title');
		expect(row.rubric).toHaveLength(1);
	});

	it('after closing, keeps the closing time but still takes a new description', async () => {
		const { org, manager } = await createAgency(db);
		const call = await createCall(db, org.id, { closed: true });
		const extend = await submitForm(call, { closes_at: later(call.closes_at, 24) });
		expect((await refusal(editCall(db, actorOf(manager), call.id, extend.input, extend.rows, context))).params).toEqual(
			{ rule: 'closes_after_close', field: 'closes_at' }
		);
		const describe = await submitForm(call, { description_ko: '심사 일정 안내' });
		expect((await editCall(db, actorOf(manager), call.id, describe.input, describe.rows, context)).changed).toEqual([
			'description_ko'
		]);
	});

	it("refuses someone else's call, and moving a call to an agency the manager does not run", async () => {
		const { org, manager } = await createAgency(db);
		const other = await createAgency(db);
		const call = await createCall(db, org.id);
		const applicant = await createApplicant(db);
		const { input, rows } = await submitForm(call, { description_en: 'hijacked' });
		for (const actor of [actorOf(other.manager), actorOf(applicant.owner)]) {
			expect(await refusal(editCall(db, actor, call.id, input, rows, context))).toBeInstanceOf(NotCallManagerError);
		}
		const moved = await submitForm(call, { orgId: other.org.id });
		expect(await refusal(editCall(db, actorOf(manager), call.id, moved.input, moved.rows, context))).toBeInstanceOf(
			NotCallManagerError
		);
		expect(await reload(call.id)).toEqual(call);
	});
});
