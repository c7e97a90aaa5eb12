// After a session: exact analytics on a fixture, refused to anybody off the session's team; the Q&A
// CSV's escaping; follow-up meeting requests from registered investors only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { NotFoundError } from '$lib/server/errors';
import {
	computeAnalytics,
	listQuestions,
	listRegistrants,
	questionsCsv,
	requireEventTeam
} from '$lib/server/ir/analytics';
import { MeetingExistsError, MeetingNotAllowedError } from '$lib/server/ir/errors';
import { requestIrMeeting } from '$lib/server/ir/meeting';
import { registerForEvent } from '$lib/server/ir/registration';
import { readMeeting } from '$lib/server/meetings/service';
import { createTestDatabase } from './support/database';
import {
	HOUR,
	actorOf,
	context,
	createHospitalMember,
	createInvestor,
	createOperator,
	createStartup,
	createUser,
	refusal,
	schedule
} from './ir-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const MIN = 60_000;

/** A session that ran 10:00–11:00 (a day ago) with known attendance, chat, questions and meetings. */
async function ranSession() {
	const startup = await createStartup(db);
	const operator = await createOperator(db);
	const event = await schedule(db, startup.owner, startup.org.id, {
		moderatorId: operator.id,
		presenterIds: [startup.member.id]
	});
	const [a, b, c] = [await createInvestor(db), await createInvestor(db), await createInvestor(db)];
	for (const investor of [a, b, c]) await registerForEvent(db, actorOf(investor.user), event.id, null, context);
	const start = new Date(Date.now() - 26 * HOUR);
	const end = new Date(start.getTime() + 60 * MIN);
	await db
		.updateTable('ir_events')
		.set({ starts_at: start, status: 'ended', live_started_at: start, ended_at: end, peak_viewers: 4 })
		.where('id', '=', event.id)
		.execute();
	const at = (minutes: number) => new Date(start.getTime() + minutes * MIN);
	await db
		.insertInto('ir_attendance')
		.values([
			// a: two joins, 20 + 15 minutes = 35.
			{ event_id: event.id, user_id: a.user.id, role: 'viewer', joined_at: at(0), left_at: at(20) },
			{ event_id: event.id, user_id: a.user.id, role: 'viewer', joined_at: at(30), left_at: at(45) },
			// b: still open when the session ended at 60 → 50 minutes.
			{ event_id: event.id, user_id: b.user.id, role: 'viewer', joined_at: at(10), left_at: null },
			// the presenter: 65 minutes (joined 5 minutes early).
			{ event_id: event.id, user_id: startup.member.id, role: 'presenter', joined_at: at(-5), left_at: at(60) }
		])
		.execute();
	await db
		.insertInto('ir_chat_messages')
		.values([
			{ event_id: event.id, user_id: a.user.id, body: 'Hello' },
			{ event_id: event.id, user_id: b.user.id, body: 'Hi' },
			{ event_id: event.id, user_id: b.user.id, body: 'removed', deleted_at: at(30), deleted_by: operator.id }
		])
		.execute();
	await db
		.insertInto('ir_questions')
		.values([
			{ event_id: event.id, user_id: a.user.id, body: '=SUM(A1:A9) margin?', status: 'answered', votes: 2 },
			{
				event_id: event.id,
				user_id: b.user.id,
				body: 'Burn rate, "monthly", please\nand runway',
				status: 'approved',
				votes: 1
			},
			{ event_id: event.id, user_id: a.user.id, body: 'Spam', status: 'dismissed' },
			{ event_id: event.id, user_id: b.user.id, body: '@team CE mark?', status: 'pending' },
			{ event_id: event.id, user_id: c.user.id, body: '-1 is fine', status: 'pending' }
		])
		.execute();
	return { startup, operator, event, a, b, c };
}

describe('analytics', () => {
	it('counts exactly', async () => {
		const { event, a, b, c, startup } = await ranSession();
		await requestIrMeeting(
			db,
			actorOf(a.user),
			event.id,
			undefined,
			{
				message: 'Coffee?',
				slots: [{ startsAt: new Date(Date.now() + 48 * HOUR), endsAt: new Date(Date.now() + 49 * HOUR) }]
			},
			context
		);
		const row = await db.selectFrom('ir_events').selectAll().where('id', '=', event.id).executeTakeFirstOrThrow();
		const analytics = await computeAnalytics(db, row);
		expect(analytics).toEqual({
			registrants: 3,
			attendees: 3,
			peakViewers: 4,
			// (35 + 50 + 65) / 3 minutes = 50 minutes.
			averageWatchSeconds: 3000,
			questions: { pending: 2, approved: 1, answered: 1, dismissed: 1, total: 5 },
			chatMessages: 2,
			meetingRequests: 1
		});
		const registrants = await listRegistrants(db, event.id);
		expect(registrants.map((r) => [r.id, r.attended])).toEqual([
			[a.user.id, true],
			[b.user.id, true],
			[c.user.id, false]
		]);
		expect(registrants[0].org_name_en).toBe(a.org.name_en);
		// The startup's admin reads it too.
		expect((await requireEventTeam(db, actorOf(startup.admin), event.id)).event.id).toBe(event.id);
	});

	it('is a 404 for registrants, plain startup members, other startups and strangers', async () => {
		const { event, a, startup, operator } = await ranSession();
		const other = await createStartup(db);
		for (const user of [a.user, other.owner, await createUser(db)])
			expect(await refusal(requireEventTeam(db, actorOf(user), event.id))).toBeInstanceOf(NotFoundError);
		// A plain member who is not a presenter is not on the team either.
		const plain = await createUser(db);
		await db.insertInto('memberships').values({ org_id: startup.org.id, user_id: plain.id, role: 'member' }).execute();
		expect(await refusal(requireEventTeam(db, actorOf(plain), event.id))).toBeInstanceOf(NotFoundError);
		expect(await requireEventTeam(db, actorOf(startup.member), event.id)).toBeTruthy();
		expect(await requireEventTeam(db, actorOf(operator), event.id)).toBeTruthy();
	});

	it('exports the questions as CSV with a BOM, CRLF, quoting and a formula guard', async () => {
		const { event } = await ranSession();
		const csv = questionsCsv(await listQuestions(db, event.id), {
			askedAt: 'Asked at',
			author: 'Asked by',
			status: 'Status',
			votes: 'Votes',
			question: 'Question',
			statusLabel: (s) => s
		});
		expect(csv.startsWith('\uFEFFAsked at,Asked by,Status,Votes,Question\r\n')).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		expect(lines[1]).toMatch(/,answered,2,'=SUM\(A1:A9\) margin\?$/);
		expect(csv).toContain(',approved,1,"Burn rate, ""monthly"", please\nand runway"\r\n');
		expect(csv).toContain(",'@team CE mark?\r\n");
		expect(csv).toContain(",'-1 is fine\r\n");
	});
});

describe('follow-up meetings', () => {
	it('lets a registered investor ask the startup through the meeting scheduler, once at a time', async () => {
		const { event, a, startup } = await ranSession();
		const slots = [1, 2, 3].map((d) => ({
			startsAt: new Date(Date.now() + d * 24 * HOUR),
			endsAt: new Date(Date.now() + d * 24 * HOUR + HOUR)
		}));
		const request = await requestIrMeeting(
			db,
			actorOf(a.user),
			event.id,
			undefined,
			{ message: 'Let us talk', slots },
			context
		);
		expect(request).toMatchObject({
			context_type: 'ir_event',
			context_id: event.id,
			requester_org_id: a.org.id,
			recipient_org_id: startup.org.id,
			status: 'requested'
		});
		expect((await readMeeting(db, actorOf(startup.owner), request.id)).slots).toHaveLength(3);
		expect(
			await refusal(requestIrMeeting(db, actorOf(a.user), event.id, undefined, { message: 'Again', slots }, context))
		).toBeInstanceOf(MeetingExistsError);
		const told = await db
			.selectFrom('notifications')
			.select('kind')
			.where('user_id', '=', startup.owner.id)
			.where('kind', '=', 'meetings_requested')
			.execute();
		expect(told).toHaveLength(1);
	});

	it('lets only one of two colleagues asking at the same moment through', async () => {
		const { event, a } = await ranSession();
		const colleague = await createUser(db);
		await db.insertInto('memberships').values({ org_id: a.org.id, user_id: colleague.id, role: 'member' }).execute();
		await db
			.insertInto('ir_registrations')
			.values({ event_id: event.id, user_id: colleague.id, org_id: a.org.id })
			.execute();
		const slots = [{ startsAt: new Date(Date.now() + 24 * HOUR), endsAt: new Date(Date.now() + 25 * HOUR) }];
		const results = await Promise.allSettled(
			[a.user, colleague].map((user) =>
				requestIrMeeting(db, actorOf(user), event.id, undefined, { message: 'Us first', slots }, context)
			)
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(refused.reason).toBeInstanceOf(MeetingExistsError);
		expect(
			await db
				.selectFrom('meeting_requests')
				.select('id')
				.where('context_id', '=', event.id)
				.where('requester_org_id', '=', a.org.id)
				.execute()
		).toHaveLength(1);
	});

	it('refuses non-investors and investors who did not register', async () => {
		const { event } = await ranSession();
		const slots = [{ startsAt: new Date(Date.now() + 24 * HOUR), endsAt: new Date(Date.now() + 25 * HOUR) }];
		const unregistered = await createInvestor(db);
		expect(
			await refusal(
				requestIrMeeting(db, actorOf(unregistered.user), event.id, undefined, { message: '', slots }, context)
			)
		).toBeInstanceOf(MeetingNotAllowedError);
		const hospital = await createHospitalMember(db);
		await db
			.insertInto('ir_registrations')
			.values({ event_id: event.id, user_id: hospital.user.id, org_id: hospital.org.id })
			.execute();
		expect(
			await refusal(requestIrMeeting(db, actorOf(hospital.user), event.id, undefined, { message: '', slots }, context))
		).toBeInstanceOf(MeetingNotAllowedError);
		// Asking on behalf of a firm one does not belong to is refused too.
		const registered = await createInvestor(db);
		await db
			.insertInto('ir_registrations')
			.values({ event_id: event.id, user_id: registered.user.id, org_id: registered.org.id })
			.execute();
		expect(
			await refusal(
				requestIrMeeting(db, actorOf(registered.user), event.id, unregistered.org.id, { message: '', slots }, context)
			)
		).toBeInstanceOf(MeetingNotAllowedError);
		expect(await db.selectFrom('meeting_requests').select('id').where('context_id', '=', event.id).execute()).toEqual(
			[]
		);
	});
});
