// Investor theses, suggestions and matchmaking days against a real database: who may edit a thesis,
// the ticket rule, mutual-only slots, and no organisation double-booked under parallel picks and runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { ZodError } from 'zod';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { putThesis, getThesis } from '$lib/server/matchmaking/thesis-service';
import { suggestInvestorsForStartup, suggestStartupsForInvestor } from '$lib/server/matchmaking/suggestions';
import { addPick, createDay, removePick } from '$lib/server/matchmaking/day-service';
import { scheduleDay } from '$lib/server/matchmaking/schedule-day';
import { DomainError } from '$lib/server/errors';
import { addMember, createOperator, createOrganization, createUser } from '../factories';
import { createTestDatabase } from './support/database';
import { actorOf, context, createCompany, createTerm } from './needs-support';
import { createFacility, createResource } from './testbed-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

async function createInvestor(name_en = 'Fund') {
	const org = await createOrganization(db, { kind: 'investor', name_en });
	const admin = await createUser(db);
	await addMember(db, org.id, admin.id, 'admin');
	const member = await createUser(db);
	await addMember(db, org.id, member.id, 'member');
	return { org, admin, member };
}

const thesis = (terms: string[] = [], extra: Record<string, unknown> = {}) => ({
	stages: ['seed', 'series_a'],
	regulatory_stages: ['mfds_approved'],
	terms,
	ticket_min_krw: 500_000_000,
	ticket_max_krw: 3_000_000_000,
	...extra
});

describe('investor thesis', () => {
	it('is saved by an admin of the investor organisation and read back', async () => {
		const field = await createTerm(db, 'field', 'Digital therapeutics');
		const investor = await createInvestor();
		await putThesis(db, actorOf(investor.admin), investor.org.id, thesis([field.id]));
		const saved = await getThesis(db, investor.org.id);
		expect(saved).toMatchObject({ stages: ['seed', 'series_a'], ticket_max_krw: 3_000_000_000 });
		expect(saved?.terms.map((t) => t.id)).toEqual([field.id]);
		const audit = await db.selectFrom('audit_log').select('action').where('entity_id', '=', investor.org.id).execute();
		expect(audit.map((a) => a.action)).toContain('thesis.saved');
	});

	it("refuses someone else's organisation, a plain member, and a company", async () => {
		const investor = await createInvestor();
		const other = await createInvestor();
		const company = await createCompany(db);
		await expect(putThesis(db, actorOf(other.admin), investor.org.id, thesis())).rejects.toMatchObject({
			code: 'not_org_admin'
		});
		await expect(putThesis(db, actorOf(investor.member), investor.org.id, thesis())).rejects.toMatchObject({
			code: 'not_org_admin'
		});
		await expect(putThesis(db, actorOf(company.owner), company.org.id, thesis())).rejects.toMatchObject({
			code: 'match_not_investor'
		});
		expect(await getThesis(db, investor.org.id)).toBeNull();
	});

	it('refuses a minimum ticket above the maximum, and the database would too', async () => {
		const investor = await createInvestor();
		await expect(
			putThesis(db, actorOf(investor.admin), investor.org.id, thesis([], { ticket_min_krw: 5, ticket_max_krw: 4 }))
		).rejects.toBeInstanceOf(ZodError);
		await expect(
			db
				.insertInto('investor_theses')
				.values({ org_id: investor.org.id, ticket_min_krw: 5, ticket_max_krw: 4 })
				.execute()
		).rejects.toThrow();
		expect(await getThesis(db, investor.org.id)).toBeNull();
	});
});

describe('suggestions', () => {
	it('rank the investor whose fields and stage fit first, with the reasons, both ways', async () => {
		const dtx = await createTerm(db, 'field', 'DTx');
		const ortho = await createTerm(db, 'field', 'Orthopaedics');
		const startup = await createCompany(db, {
			termIds: [dtx.id],
			products: [{ name_en: 'App', mfds_status: 'approved', mfds_class: 2, mfds_approval_no: '제허 9' }]
		});
		const fits = await createInvestor('Fits');
		const partly = await createInvestor('Partly');
		const unrelated = await createInvestor('Unrelated');
		await putThesis(db, actorOf(fits.admin), fits.org.id, thesis([dtx.id]));
		await putThesis(db, actorOf(partly.admin), partly.org.id, thesis([dtx.id], { regulatory_stages: ['ce_marked'] }));
		await putThesis(db, actorOf(unrelated.admin), unrelated.org.id, thesis([ortho.id], { regulatory_stages: [] }));
		const investors = await suggestInvestorsForStartup(db, startup.org.id);
		// Investors from the other tests of this file may fit on stage alone; ours rank among themselves.
		const ours = [fits.org.id, partly.org.id, unrelated.org.id];
		expect(investors.map((s) => s.org_id).filter((id) => ours.includes(id))).toEqual([fits.org.id, partly.org.id]);
		expect(investors[0].org_id).toBe(fits.org.id);
		expect(investors[0]).toMatchObject({ stages_met: ['mfds_approved'], shared_terms: [{ name_en: 'DTx' }] });
		const startups = await suggestStartupsForInvestor(db, fits.org.id);
		expect(startups.map((s) => s.org_id)).toContain(startup.org.id);
		expect(await suggestStartupsForInvestor(db, unrelated.org.id)).not.toContainEqual(
			expect.objectContaining({ org_id: startup.org.id })
		);
	});
});

async function dayWith(startups: string[], investors: string[], minutes = 30) {
	const operator = await createOperator(db);
	const start = new Date(Date.now() + 7 * 86_400_000);
	start.setUTCHours(1, 0, 0, 0);
	const day = await createDay(
		db,
		{ id: operator.id, isOperator: true },
		{
			title: 'Demo day',
			starts_at: start.toISOString(),
			ends_at: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
			slot_minutes: minutes,
			picks_close_at: new Date(start.getTime() - 86_400_000).toISOString(),
			startups,
			investors
		}
	);
	return { day, operator: { id: operator.id, isOperator: true } };
}

describe('matchmaking day', () => {
	it('makes slots only of mutual picks; picks are idempotent and only across sides', async () => {
		const s1 = await createCompany(db);
		const s2 = await createCompany(db);
		const i1 = await createInvestor();
		const { day, operator } = await dayWith([s1.org.id, s2.org.id], [i1.org.id]);
		const pick = (user: { id: string }, org: string, picked: string) =>
			addPick(db, actorOf(user), day.id, { org_id: org, picked_org_id: picked });
		expect(await pick(s1.member, s1.org.id, i1.org.id)).toEqual({ added: true });
		expect(await pick(s1.member, s1.org.id, i1.org.id)).toEqual({ added: false });
		await pick(i1.member, i1.org.id, s1.org.id);
		await pick(s2.member, s2.org.id, i1.org.id); // one-sided: no slot
		await expect(pick(s1.member, s1.org.id, s2.org.id)).rejects.toMatchObject({ code: 'match_not_participant' });
		await expect(pick(s2.member, s1.org.id, i1.org.id)).rejects.toMatchObject({ code: 'match_not_participant' });
		expect(await removePick(db, actorOf(s2.member), day.id, { org_id: s2.org.id, picked_org_id: i1.org.id })).toEqual({
			removed: true
		});
		const result = await scheduleDay(db, operator, day.id, context);
		expect(result.placed).toBe(1);
		const slots = await db.selectFrom('matchmaking_slots').selectAll().where('day_id', '=', day.id).execute();
		expect(slots.map((s) => [s.startup_org_id, s.investor_org_id])).toEqual([[s1.org.id, i1.org.id]]);
		const meeting = await db
			.selectFrom('meeting_requests')
			.selectAll()
			.where('id', '=', slots[0].meeting_request_id!)
			.executeTakeFirstOrThrow();
		expect(meeting).toMatchObject({ status: 'accepted', context_type: 'matchmaking' });
		const told = await db
			.selectFrom('notifications')
			.select('user_id')
			.where('kind', '=', 'meetings_matchmaking_slot')
			.where('user_id', 'in', [s1.owner.id, i1.admin.id])
			.execute();
		expect(told).toHaveLength(2);
		await expect(pick(s2.member, s2.org.id, i1.org.id)).rejects.toMatchObject({ code: 'match_picks_closed' });
		await expect(scheduleDay(db, operator, day.id, context)).rejects.toMatchObject({ code: 'match_day_scheduled' });
	});

	it('never double-books an organisation under parallel picks and parallel runs', async () => {
		const startups = await Promise.all([1, 2, 3].map(() => createCompany(db)));
		const investors = await Promise.all([1, 2, 3].map(() => createInvestor()));
		const { day, operator } = await dayWith(
			startups.map((s) => s.org.id),
			investors.map((i) => i.org.id)
		);
		const picks = startups.flatMap((s) =>
			investors.flatMap((i) => [
				addPick(db, actorOf(s.member), day.id, { org_id: s.org.id, picked_org_id: i.org.id }),
				addPick(db, actorOf(i.member), day.id, { org_id: i.org.id, picked_org_id: s.org.id }),
				addPick(db, actorOf(i.member), day.id, { org_id: i.org.id, picked_org_id: s.org.id })
			])
		);
		await Promise.all(picks);
		const runs = await Promise.allSettled([1, 2, 3].map(() => scheduleDay(db, operator, day.id, context)));
		expect(runs.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		for (const r of runs)
			if (r.status === 'rejected') expect((r.reason as DomainError).code).toBe('match_day_scheduled');
		const slots = await sql<{ org: string; clashes: number }>`
			select o.org, count(*)::int as clashes from (
				select startup_org_id as org, during from matchmaking_slots where day_id = ${day.id}
				union all select investor_org_id, during from matchmaking_slots where day_id = ${day.id}) o
			join matchmaking_slots s on s.day_id = ${day.id} and (s.startup_org_id = o.org or s.investor_org_id = o.org)
				and s.during && o.during
			group by o.org, o.during having count(*) > 1`.execute(db);
		expect(slots.rows).toEqual([]);
		const count = await db
			.selectFrom('matchmaking_slots')
			.select(db.fn.countAll<number>().as('n'))
			.where('day_id', '=', day.id)
			.executeTakeFirstOrThrow();
		expect(Number(count.n)).toBe(9);
	});

	it('keeps a slot clear of an accepted meeting either side already has', async () => {
		const s1 = await createCompany(db);
		const i1 = await createInvestor();
		const { day, operator } = await dayWith([s1.org.id], [i1.org.id], 60);
		const other = await createCompany(db);
		const existing = await db
			.insertInto('meeting_requests')
			.values({
				requester_org_id: other.org.id,
				recipient_org_id: i1.org.id,
				context_type: 'ir_event',
				context_id: day.id,
				requester_id: null,
				chosen_slot_id: null,
				decline_message: null,
				decided_by: null,
				decided_at: null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const slot = await db
			.insertInto('meeting_request_slots')
			.values({
				request_id: existing.id,
				starts_at: day.starts_at,
				ends_at: new Date(day.starts_at.getTime() + 3_600_000)
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.updateTable('meeting_requests')
			.set({ status: 'accepted', chosen_slot_id: slot.id })
			.where('id', '=', existing.id)
			.execute();
		await addPick(db, actorOf(s1.member), day.id, { org_id: s1.org.id, picked_org_id: i1.org.id });
		await addPick(db, actorOf(i1.member), day.id, { org_id: i1.org.id, picked_org_id: s1.org.id });
		await scheduleDay(db, operator, day.id, context);
		const placed = await db
			.selectFrom('matchmaking_slots')
			.select(sql<Date>`lower(during)`.as('starts_at'))
			.where('day_id', '=', day.id)
			.executeTakeFirstOrThrow();
		expect(new Date(placed.starts_at).getTime()).toBe(day.starts_at.getTime() + 3_600_000);
	});

	async function placedStart(dayId: string) {
		const placed = await db
			.selectFrom('matchmaking_slots')
			.select(sql<Date>`lower(during)`.as('starts_at'))
			.where('day_id', '=', dayId)
			.executeTakeFirst();
		return placed ? new Date(placed.starts_at).getTime() : null;
	}

	async function pickEachOther(dayId: string, s: { org: { id: string }; member: { id: string } }, i: typeof s) {
		await addPick(db, actorOf(s.member), dayId, { org_id: s.org.id, picked_org_id: i.org.id });
		await addPick(db, actorOf(i.member), dayId, { org_id: i.org.id, picked_org_id: s.org.id });
	}

	async function irSession(orgId: string, startsAt: Date, status: 'scheduled' | 'cancelled') {
		const moderator = await createUser(db);
		await db
			.insertInto('ir_events')
			.values({
				org_id: orgId,
				title_ko: '피칭',
				title_en: 'Pitch',
				summary_ko: '',
				summary_en: '',
				starts_at: startsAt,
				duration_minutes: 60,
				access: 'members',
				moderator_id: moderator.id,
				status,
				cancel_reason: status === 'cancelled' ? 'moved' : null
			})
			.execute();
	}

	it("keeps a slot clear of the startup's testbed booking, and ignores a cancelled pitch", async () => {
		const s1 = await createCompany(db);
		const i1 = await createInvestor();
		const { day, operator } = await dayWith([s1.org.id], [i1.org.id], 60);
		const { facility } = await createFacility(db);
		const resource = await createResource(db, facility.id);
		const start = day.starts_at.getTime();
		await db
			.insertInto('bookings')
			.values({
				resource_id: resource.id,
				org_id: s1.org.id,
				user_id: s1.member.id,
				during: sql`tstzrange(${day.starts_at}, ${new Date(start + 3_600_000)})` as never,
				status: 'confirmed'
			})
			.execute();
		await irSession(s1.org.id, new Date(start + 3_600_000), 'cancelled');
		await pickEachOther(day.id, s1, i1);
		await scheduleDay(db, operator, day.id, context);
		expect(await placedStart(day.id)).toBe(start + 3_600_000);
	});

	it('keeps a slot clear of the pitch the startup presents, and places none when both hours are taken', async () => {
		const s1 = await createCompany(db);
		const i1 = await createInvestor();
		const { day, operator } = await dayWith([s1.org.id], [i1.org.id], 60);
		await irSession(s1.org.id, day.starts_at, 'scheduled');
		await pickEachOther(day.id, s1, i1);
		await scheduleDay(db, operator, day.id, context);
		expect(await placedStart(day.id)).toBe(day.starts_at.getTime() + 3_600_000);

		const s2 = await createCompany(db);
		const i2 = await createInvestor();
		const full = await dayWith([s2.org.id], [i2.org.id], 60);
		await irSession(s2.org.id, full.day.starts_at, 'scheduled');
		await irSession(s2.org.id, new Date(full.day.starts_at.getTime() + 3_600_000), 'scheduled');
		await pickEachOther(full.day.id, s2, i2);
		await scheduleDay(db, full.operator, full.day.id, context);
		expect(await placedStart(full.day.id)).toBeNull();
	});

	it('is created by operators only', async () => {
		const user = await createUser(db);
		await expect(createDay(db, actorOf(user), {})).rejects.toMatchObject({ code: 'operator_only' });
	});
});
