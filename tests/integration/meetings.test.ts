// Meeting requests on an accepted need response: propose → accept → calendar; decline; strangers see
// nothing; expiry is idempotent; every transition is audited and told to both sides.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { NotFoundError } from '$lib/server/errors';
import { MeetingClosedError, MeetingContextClosedError, NotMeetingRecipientError } from '$lib/server/meetings/errors';
import { proposeMeetingOnResponse } from '$lib/server/meetings/need-response';
import { meetingRequestFormSchema } from '$lib/server/meetings/schemas';
import {
	acceptMeeting,
	cancelMeeting,
	declineMeeting,
	expireMeetingRequests,
	meetingIcs,
	readMeeting
} from '$lib/server/meetings/service';
import { decideResponse } from '$lib/server/needs/responses';
import { respondToNeed } from '$lib/server/needs/service';
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
const DAY = 86_400_000;
const slotsFrom = (base: number, count: number) =>
	Array.from({ length: count }, (_, i) => ({
		startsAt: new Date(base + (i + 1) * DAY),
		endsAt: new Date(base + (i + 1) * DAY + 3_600_000)
	}));

async function acceptedResponse() {
	const hospital = await createHospital(db);
	const company = await createCompany(db);
	const stranger = await createCompany(db);
	const need = await postNeed(db, hospital.staff);
	const response = await respondToNeed(
		db,
		actorOf(company.member),
		need.id,
		{ message: 'We can help.', productIds: [] },
		context
	);
	return {
		hospital,
		company,
		stranger,
		need,
		response,
		accept: () =>
			decideResponse(
				db,
				actorOf(hospital.admin),
				response.id,
				{ decision: 'accepted', reason: undefined, markMatched: false },
				context
			)
	};
}

const auditActions = async (id: string) =>
	(
		await db
			.selectFrom('audit_log')
			.select('action')
			.where('entity_type', '=', 'meeting_request')
			.where('entity_id', '=', id)
			.orderBy('created_at')
			.orderBy('id')
			.execute()
	).map((r) => r.action);

describe('meeting requests', () => {
	it('goes from a request to an accepted meeting with a calendar file', async () => {
		const { hospital, company, response, accept } = await acceptedResponse();
		const input = { message: 'Shall we meet?', slots: slotsFrom(Date.now(), 3) };
		expect(
			await refusal(proposeMeetingOnResponse(db, actorOf(company.member), response.id, input, context))
		).toBeInstanceOf(MeetingContextClosedError);
		await accept();

		const request = await proposeMeetingOnResponse(db, actorOf(company.member), response.id, input, context);
		expect(request).toMatchObject({
			requester_org_id: company.org.id,
			recipient_org_id: hospital.org.id,
			context_type: 'need_response',
			context_id: response.id,
			status: 'requested'
		});
		expect(request.expires_at.getTime() - request.created_at.getTime()).toBeGreaterThan(7 * DAY - 60_000);
		const { slots } = await readMeeting(db, actorOf(hospital.staff), request.id);
		expect(slots).toHaveLength(3);
		expect(await refusal(meetingIcs(db, actorOf(company.member), request.id, context.origin))).toBeInstanceOf(
			NotFoundError
		);

		// The asking side cannot answer its own request.
		expect(await refusal(acceptMeeting(db, actorOf(company.owner), request.id, slots[1].id, context))).toBeInstanceOf(
			NotMeetingRecipientError
		);
		const accepted = await acceptMeeting(db, actorOf(hospital.staff), request.id, slots[1].id, context);
		expect(accepted.status).toBe('accepted');
		expect(accepted.chosen_slot_id).toBe(slots[1].id);
		expect(await refusal(declineMeeting(db, actorOf(hospital.admin), request.id, 'too late', context))).toBeInstanceOf(
			MeetingClosedError
		);

		const ics = await meetingIcs(db, actorOf(company.member), request.id, context.origin);
		const utc = (d: Date) =>
			d
				.toISOString()
				.replace(/[-:]/g, '')
				.replace(/\.\d{3}/, '');
		expect(ics).toContain(`UID:meeting-request-${request.id}@127.0.0.1\r\n`);
		expect(ics).toContain(`DTSTART:${utc(slots[1].starts_at)}\r\n`);
		expect(utc(slots[1].starts_at)).toMatch(/^\d{8}T\d{6}Z$/);
		expect(ics).toContain('STATUS:CONFIRMED\r\n');

		// Both sides heard about the request and the acceptance, with a link to the meeting.
		const notified = await db
			.selectFrom('notifications')
			.select(['user_id', 'kind', 'link'])
			.where('link', '=', `/meetings/${request.id}`)
			.execute();
		expect(notified.filter((n) => n.kind === 'meetings_requested').map((n) => n.user_id)).toEqual(
			expect.arrayContaining([hospital.admin.id, company.owner.id])
		);
		expect(notified.filter((n) => n.kind === 'meetings_accepted').map((n) => n.user_id)).toEqual(
			expect.arrayContaining([hospital.admin.id, company.owner.id, company.member.id])
		);

		await cancelMeeting(db, actorOf(company.owner), request.id, context);
		expect(await meetingIcs(db, actorOf(hospital.staff), request.id, context.origin)).toContain('STATUS:CANCELLED\r\n');
		expect(await auditActions(request.id)).toEqual([
			'meeting_request.requested',
			'meeting_request.accepted',
			'meeting_request.cancelled'
		]);
	});

	it('declines with a message that reaches the requester', async () => {
		const { hospital, company, response, accept } = await acceptedResponse();
		await accept();
		const request = await proposeMeetingOnResponse(
			db,
			actorOf(hospital.staff),
			response.id,
			{ message: '', slots: slotsFrom(Date.now(), 1) },
			context
		);
		expect(request.recipient_org_id).toBe(company.org.id);
		const declined = await declineMeeting(
			db,
			actorOf(company.member),
			request.id,
			'Next month suits us better.',
			context
		);
		expect(declined).toMatchObject({ status: 'declined', decline_message: 'Next month suits us better.' });
		const note = await db
			.selectFrom('notifications')
			.select('params')
			.where('user_id', '=', hospital.staff.id)
			.where('kind', '=', 'meetings_declined')
			.executeTakeFirstOrThrow();
		expect(JSON.stringify(note.params)).toContain('Next month suits us better.');
		expect(await auditActions(request.id)).toEqual(['meeting_request.requested', 'meeting_request.declined']);
	});

	it('hides a request from organisations that are not party to it', async () => {
		const { hospital, stranger, response, accept } = await acceptedResponse();
		await accept();
		const request = await proposeMeetingOnResponse(
			db,
			actorOf(hospital.staff),
			response.id,
			{ message: '', slots: slotsFrom(Date.now(), 2) },
			context
		);
		const { slots } = await readMeeting(db, actorOf(hospital.admin), request.id);
		const outsider = actorOf(stranger.owner);
		for (const attempt of [
			() => readMeeting(db, outsider, request.id),
			() => acceptMeeting(db, outsider, request.id, slots[0].id, context),
			() => declineMeeting(db, outsider, request.id, 'no', context),
			() => cancelMeeting(db, outsider, request.id, context),
			() =>
				proposeMeetingOnResponse(db, outsider, response.id, { message: '', slots: slotsFrom(Date.now(), 1) }, context)
		]) {
			expect(await refusal(attempt())).toBeInstanceOf(NotFoundError);
		}
	});

	it('expires unanswered requests once, after seven days', async () => {
		const { company, response, accept } = await acceptedResponse();
		await accept();
		const request = await proposeMeetingOnResponse(
			db,
			actorOf(company.member),
			response.id,
			{ message: '', slots: slotsFrom(Date.now(), 1) },
			context
		);
		expect(await expireMeetingRequests(db, new Date(Date.now() + 6 * DAY), context.origin)).not.toContain(request.id);
		const later = new Date(Date.now() + 8 * DAY);
		expect(await expireMeetingRequests(db, later, context.origin)).toContain(request.id);
		const snapshot = async () => ({
			row: await db.selectFrom('meeting_requests').selectAll().where('id', '=', request.id).executeTakeFirstOrThrow(),
			audits: await auditActions(request.id),
			notes: (
				await db
					.selectFrom('notifications')
					.select('id')
					.where('kind', '=', 'meetings_expired')
					.where('link', '=', `/meetings/${request.id}`)
					.execute()
			).length
		});
		const first = await snapshot();
		expect(await expireMeetingRequests(db, later, context.origin)).toEqual([]);
		expect(await snapshot()).toEqual(first);
		expect(first.row.status).toBe('expired');
		expect(first.audits).toEqual(['meeting_request.requested', 'meeting_request.expired']);
		expect(first.notes).toBeGreaterThan(0);
	});

	it('reads the form slots in the viewer time zone and refuses past ones', () => {
		const now = new Date('2026-11-23T00:00:00Z');
		const parsed = meetingRequestFormSchema('Asia/Seoul', now).safeParse({
			duration: '60',
			start_1: '2026-11-24T10:00',
			start_2: '',
			message: 'hi'
		});
		expect(parsed.success && parsed.data.slots).toEqual([
			{ startsAt: new Date('2026-11-24T01:00:00Z'), endsAt: new Date('2026-11-24T02:00:00Z') }
		]);
		const past = meetingRequestFormSchema('Asia/Seoul', now).safeParse({ duration: '60', start_1: '2026-11-22T10:00' });
		expect(past.success).toBe(false);
	});
});
