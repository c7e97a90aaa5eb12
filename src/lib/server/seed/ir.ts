// Seeds the demo IR sessions (ir-data.ts) around the current time: each written once, found again by
// startup and English title, with its presenters, registrations and — for past sessions — attendance,
// chat, questions with votes, and a follow-up meeting. Idempotent: a second run changes nothing.
import type { Transaction } from 'kysely';
import type { DB } from '../db/types';
import { storePdf } from '../uploads/service';
import { DECK_MAX_BYTES } from '../ir/schemas';
import { DEMO_IR_SESSIONS, type DemoIrSession } from './ir-data';
import { queueDeckRender } from '../ir/deck/service';

type Ids = { orgIds: Map<string, string>; userIds: Map<string, string> };
const MINUTE = 60_000;

const requireId = (map: Map<string, string>, key: string, what: string) => {
	const id = map.get(key.toLowerCase()) ?? map.get(key);
	if (!id) throw new Error(`IR seed names an unknown ${what}: ${key}`);
	return id;
};

/** A one-page PDF naming the startup: enough for a real download in the demo. */
function demoDeck(name: string, title: string): File {
	const text = title.replace(/[^\x20-\x7e]/g, '').replace(/[()\\]/g, '');
	const stream = `BT /F1 20 Tf 60 720 Td (${text}) Tj ET`;
	const pdf = [
		'%PDF-1.4',
		'1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj',
		'2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj',
		'3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources <</Font <</F1 5 0 R>>>>>> endobj',
		`4 0 obj <</Length ${stream.length}>> stream`,
		stream,
		'endstream endobj',
		'5 0 obj <</Type /Font /Subtype /Type1 /BaseFont /Helvetica>> endobj',
		'trailer <</Root 1 0 R>>',
		'%%EOF'
	].join('\n');
	return new File([pdf], name, { type: 'application/pdf' });
}

/** Whole quarter hours, so demo times read naturally. */
const roundToQuarter = (date: Date) => new Date(Math.floor(date.getTime() / (15 * MINUTE)) * 15 * MINUTE);

async function orgOf(trx: Transaction<DB>, userId: string): Promise<string | null> {
	const row = await trx
		.selectFrom('memberships')
		.innerJoin('organizations as o', 'o.id', 'memberships.org_id')
		.select('o.id')
		.where('memberships.user_id', '=', userId)
		.where('o.status', '=', 'verified')
		.orderBy('memberships.created_at')
		.executeTakeFirst();
	return row?.id ?? null;
}

async function seedSession(trx: Transaction<DB>, session: DemoIrSession, ids: Ids, now: Date): Promise<boolean> {
	const orgId = requireId(ids.orgIds, session.org, 'organisation');
	const existing = await trx
		.selectFrom('ir_events')
		.select('id')
		.where('org_id', '=', orgId)
		.where('title_en', '=', session.title[1])
		.executeTakeFirst();
	if (existing) return false;
	const user = (email: string) => requireId(ids.userIds, email, 'user');
	const startsAt = new Date(roundToQuarter(now).getTime() + session.startsInMinutes * MINUTE);
	const endsAt = new Date(startsAt.getTime() + session.duration * MINUTE);
	const creator = user(session.presenters[0]);
	const deck = session.deck
		? await storePdf(trx, {
				ownerId: creator,
				orgId,
				purpose: 'ir_deck',
				file: demoDeck(session.deck, session.title[1]),
				maxBytes: DECK_MAX_BYTES
			})
		: null;
	const past = session.past !== undefined;
	const event = await trx
		.insertInto('ir_events')
		.values({
			org_id: orgId,
			title_ko: session.title[0],
			title_en: session.title[1],
			summary_ko: session.summary[0],
			summary_en: session.summary[1],
			starts_at: startsAt,
			duration_minutes: session.duration,
			access: session.access,
			nda_required: session.nda !== undefined,
			nda_text: session.nda?.text ?? null,
			nda_version: session.nda?.version ?? null,
			deck_upload_id: deck?.id ?? null,
			moderator_id: user(session.moderator),
			status: session.cancelled ? 'cancelled' : past ? 'ended' : 'scheduled',
			cancel_reason: session.cancelled ?? null,
			sequence: session.cancelled ? 1 : 0,
			live_started_at: past ? startsAt : null,
			ended_at: past ? endsAt : null,
			peak_viewers: session.past?.peak ?? 0,
			created_by: creator,
			created_at: new Date(startsAt.getTime() - 10 * 24 * 60 * MINUTE),
			updated_at: new Date(startsAt.getTime() - 10 * 24 * 60 * MINUTE)
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	// The deck room shows the demo deck once the job runner has rendered its pages after `npm start`.
	if (deck) await queueDeckRender(trx, event.id, deck.id);
	await trx
		.insertInto('ir_event_presenters')
		.values(session.presenters.map((email) => ({ event_id: event.id, user_id: user(email) })))
		.execute();
	for (const [index, email] of session.registrants.entries()) {
		const registeredAt = new Date(startsAt.getTime() - (5 * 24 * 60 - index * 90) * MINUTE);
		await trx
			.insertInto('ir_registrations')
			.values({
				event_id: event.id,
				user_id: user(email),
				org_id: await orgOf(trx, user(email)),
				nda_version: session.nda?.version ?? null,
				nda_accepted_at: session.nda ? registeredAt : null,
				nda_ip: session.nda ? '203.0.113.10' : null,
				registered_at: registeredAt
			})
			.execute();
	}
	if (session.past) await seedLiveRecord(trx, session, { eventId: event.id, startupId: orgId, startsAt, endsAt }, ids);
	return true;
}

type Moment = { eventId: string; startupId: string; startsAt: Date; endsAt: Date };

async function seedLiveRecord(
	trx: Transaction<DB>,
	session: DemoIrSession,
	{ eventId, startupId, startsAt, endsAt }: Moment,
	ids: Ids
) {
	const user = (email: string) => requireId(ids.userIds, email, 'user');
	const past = session.past!;
	const stage = [...new Set([session.moderator, ...session.presenters])];
	await trx
		.insertInto('ir_attendance')
		.values([
			...stage.map((email) => ({
				event_id: eventId,
				user_id: user(email),
				role: email === session.moderator ? ('moderator' as const) : ('presenter' as const),
				joined_at: new Date(startsAt.getTime() - 10 * MINUTE),
				left_at: endsAt
			})),
			...past.attended.map(([email, minutes], i) => ({
				event_id: eventId,
				user_id: user(email),
				role: 'viewer' as const,
				joined_at: new Date(startsAt.getTime() + i * MINUTE),
				left_at: new Date(startsAt.getTime() + (i + minutes) * MINUTE)
			}))
		])
		.execute();
	if (past.chat.length) {
		await trx
			.insertInto('ir_chat_messages')
			.values(
				past.chat.map(([email, body], i) => ({
					event_id: eventId,
					user_id: user(email),
					body,
					created_at: new Date(startsAt.getTime() + (5 + i * 3) * MINUTE)
				}))
			)
			.execute();
	}
	for (const [i, [email, body, status, voters]] of past.questions.entries()) {
		const at = new Date(startsAt.getTime() + (10 + i * 4) * MINUTE);
		const question = await trx
			.insertInto('ir_questions')
			.values({
				event_id: eventId,
				user_id: user(email),
				body,
				status,
				votes: voters.length,
				created_at: at,
				updated_at: at
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		if (voters.length)
			await trx
				.insertInto('ir_question_votes')
				.values(voters.map((v) => ({ question_id: question.id, user_id: user(v), created_at: at })))
				.execute();
	}
	if (past.meeting) {
		const requestedAt = new Date(endsAt.getTime() + 2 * 60 * MINUTE);
		const request = await trx
			.insertInto('meeting_requests')
			.values({
				requester_id: user(past.meeting.requester),
				requester_org_id: requireId(ids.orgIds, past.meeting.org, 'organisation'),
				recipient_org_id: startupId,
				context_type: 'ir_event',
				context_id: eventId,
				message: past.meeting.message,
				expires_at: new Date(requestedAt.getTime() + 7 * 24 * 60 * MINUTE),
				created_at: requestedAt
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const slot = await trx
			.insertInto('meeting_request_slots')
			.values({
				request_id: request.id,
				starts_at: new Date(endsAt.getTime() + 3 * 24 * 60 * MINUTE),
				ends_at: new Date(endsAt.getTime() + (3 * 24 * 60 + 60) * MINUTE)
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx
			.updateTable('meeting_requests')
			.set({
				status: 'accepted',
				chosen_slot_id: slot.id,
				decided_by: user(session.presenters[0]),
				decided_at: new Date(requestedAt.getTime() + 5 * 60 * MINUTE)
			})
			.where('id', '=', request.id)
			.execute();
	}
}

export async function seedIr(trx: Transaction<DB>, ids: Ids, now = new Date()): Promise<{ sessions: number }> {
	let created = 0;
	for (const session of DEMO_IR_SESSIONS) if (await seedSession(trx, session, ids, now)) created += 1;
	return { sessions: created };
}
