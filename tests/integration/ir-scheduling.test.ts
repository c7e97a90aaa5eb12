// Scheduling IR sessions: only admins of a verified company; moderator and co-presenter rules;
// validation; editing raises `sequence` on time changes and tells registrants; cancelling likewise;
// every change audited; the calendar file follows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { DomainError, NotFoundError } from '$lib/server/errors';
import {
	InvalidModeratorError,
	InvalidPresenterError,
	NotStartupAdminError,
	SessionClosedError,
	StartInPastError
} from '$lib/server/ir/errors';
import { eventCalendar } from '$lib/server/ir/ics';
import { registerForEvent } from '$lib/server/ir/registration';
import { eventFormSchema } from '$lib/server/ir/schemas';
import { cancelEvent, updateEvent } from '$lib/server/ir/service';
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
	eventInput,
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

const audit = async (id: string) =>
	await db
		.selectFrom('audit_log')
		.select(['action', 'data', 'ip'])
		.where('entity_type', '=', 'ir_event')
		.where('entity_id', '=', id)
		.orderBy('id')
		.execute();

describe('scheduling', () => {
	it('lets an admin of a verified company schedule with co-presenters and a moderator, audited', async () => {
		const startup = await createStartup(db);
		const event = await schedule(db, startup.admin, startup.org.id, {
			moderatorId: startup.owner.id,
			presenterIds: [startup.member.id]
		});
		expect(event).toMatchObject({
			org_id: startup.org.id,
			status: 'scheduled',
			sequence: 0,
			moderator_id: startup.owner.id,
			created_by: startup.admin.id
		});
		const presenters = await db
			.selectFrom('ir_event_presenters')
			.select('user_id')
			.where('event_id', '=', event.id)
			.execute();
		expect(presenters.map((p) => p.user_id).sort()).toEqual([startup.admin.id, startup.member.id].sort());
		const [entry] = await audit(event.id);
		expect(entry).toMatchObject({ action: 'ir_event.scheduled', ip: context.ip });
	});

	it('refuses plain members, admins of unverified companies and of non-companies', async () => {
		const startup = await createStartup(db);
		expect(
			await refusal(schedule(db, startup.member, startup.org.id, { moderatorId: startup.owner.id }))
		).toBeInstanceOf(NotStartupAdminError);
		const pending = await createStartup(db, 'pending');
		expect(
			await refusal(schedule(db, pending.owner, pending.org.id, { moderatorId: pending.owner.id }))
		).toBeInstanceOf(NotStartupAdminError);
		const hospital = await createHospitalMember(db);
		await db.updateTable('memberships').set({ role: 'owner' }).where('user_id', '=', hospital.user.id).execute();
		expect(
			await refusal(schedule(db, hospital.user, hospital.org.id, { moderatorId: hospital.user.id }))
		).toBeInstanceOf(NotStartupAdminError);
		// Another company's admin cannot schedule for this one.
		const other = await createStartup(db);
		expect(await refusal(schedule(db, other.owner, startup.org.id, { moderatorId: startup.owner.id }))).toBeInstanceOf(
			NotStartupAdminError
		);
		expect(
			await db.selectFrom('ir_events').select('id').where('org_id', 'in', [startup.org.id, pending.org.id]).execute()
		).toEqual([]);
	});

	it('takes an operator or a startup admin as moderator, and only startup members as co-presenters', async () => {
		const startup = await createStartup(db);
		const operator = await createOperator(db);
		const outsider = await createUser(db);
		expect(
			await refusal(schedule(db, startup.owner, startup.org.id, { moderatorId: startup.member.id }))
		).toBeInstanceOf(InvalidModeratorError);
		expect(await refusal(schedule(db, startup.owner, startup.org.id, { moderatorId: outsider.id }))).toBeInstanceOf(
			InvalidModeratorError
		);
		expect(
			await refusal(
				schedule(db, startup.owner, startup.org.id, { moderatorId: startup.owner.id, presenterIds: [outsider.id] })
			)
		).toBeInstanceOf(InvalidPresenterError);
		const event = await schedule(db, startup.owner, startup.org.id, { moderatorId: operator.id });
		expect(event.moderator_id).toBe(operator.id);
	});

	it('validates times, durations, titles and the NDA', async () => {
		const startup = await createStartup(db);
		const moderatorId = startup.owner.id;
		expect(
			await refusal(schedule(db, startup.owner, startup.org.id, { moderatorId, startsAt: new Date(Date.now() - HOUR) }))
		).toBeInstanceOf(StartInPastError);
		const invalid = await refusal(schedule(db, startup.owner, startup.org.id, { moderatorId, durationMinutes: 300 }));
		expect(invalid).toBeInstanceOf(DomainError);
		expect((invalid as DomainError).code).toBe('validation_failed');
		expect(
			(
				(await refusal(
					schedule(db, startup.owner, startup.org.id, { moderatorId, titleKo: '', titleEn: '' })
				)) as DomainError
			).code
		).toBe('validation_failed');
		expect(
			(
				(await refusal(
					schedule(db, startup.owner, startup.org.id, {
						moderatorId,
						ndaRequired: true,
						ndaText: 'Keep it secret',
						ndaVersion: ''
					})
				)) as DomainError
			).code
		).toBe('validation_failed');

		// The form reads the start in the user's time zone and names the field that failed.
		const form = eventFormSchema('Asia/Seoul').safeParse({
			title_en: 'X',
			starts_at: '2030-01-02T09:30',
			duration_minutes: '45',
			access: 'open',
			moderator_id: moderatorId,
			nda_required: 'on',
			nda_text: ''
		});
		expect(form.success).toBe(false);
		expect(form.error!.issues.map((i) => i.path.join('.'))).toEqual(
			expect.arrayContaining(['nda_text', 'nda_version'])
		);
		const ok = eventFormSchema('Asia/Seoul').parse({
			title_en: 'X',
			starts_at: '2030-01-02T09:30',
			duration_minutes: '45',
			access: 'open',
			moderator_id: moderatorId
		});
		expect(ok.event.startsAt.toISOString()).toBe('2030-01-02T00:30:00.000Z');
	});
});

describe('editing and cancelling', () => {
	it('raises sequence and tells registrants when the time changes, not otherwise', async () => {
		const startup = await createStartup(db);
		const investor = await createInvestor(db);
		const event = await schedule(db, startup.owner, startup.org.id, { moderatorId: startup.owner.id });
		await registerForEvent(db, actorOf(investor.user), event.id, null, context);

		const renamed = await updateEvent(
			db,
			actorOf(startup.admin),
			event.id,
			{ input: eventInput({ moderatorId: startup.owner.id, startsAt: event.starts_at, titleEn: 'Renamed pitch' }) },
			context
		);
		expect(renamed).toMatchObject({ title_en: 'Renamed pitch', sequence: 0 });
		const later = new Date(event.starts_at.getTime() + 2 * HOUR);
		const moved = await updateEvent(
			db,
			actorOf(startup.admin),
			event.id,
			{ input: eventInput({ moderatorId: startup.owner.id, startsAt: later, titleEn: 'Renamed pitch' }) },
			context
		);
		expect(moved.sequence).toBe(1);
		expect(moved.starts_at.toISOString()).toBe(later.toISOString());
		const told = await db
			.selectFrom('notifications')
			.select(['kind', 'link'])
			.where('user_id', '=', investor.user.id)
			.where('kind', '=', 'ir_session_changed')
			.execute();
		expect(told).toEqual([{ kind: 'ir_session_changed', link: `/ir/${event.id}` }]);

		// Someone else's session: another startup's owner sees it but may not edit; a user outside the
		// audience does not even see it; a plain member of the startup may not edit.
		const other = await createStartup(db);
		const stranger = await createUser(db);
		expect(
			await refusal(
				updateEvent(
					db,
					actorOf(other.owner),
					event.id,
					{ input: eventInput({ moderatorId: startup.owner.id }) },
					context
				)
			)
		).toBeInstanceOf(NotStartupAdminError);
		expect(
			await refusal(
				updateEvent(db, actorOf(stranger), event.id, { input: eventInput({ moderatorId: startup.owner.id }) }, context)
			)
		).toBeInstanceOf(NotFoundError);
		expect(
			await refusal(
				updateEvent(
					db,
					actorOf(startup.member),
					event.id,
					{ input: eventInput({ moderatorId: startup.owner.id }) },
					context
				)
			)
		).toBeInstanceOf(NotStartupAdminError);
		expect((await audit(event.id)).map((a) => a.action)).toEqual([
			'ir_event.scheduled',
			'ir_registration.registered',
			'ir_event.updated',
			'ir_event.updated'
		]);
	});

	it('cancels with a reason, tells registrants, and the calendar file says CANCELLED', async () => {
		const startup = await createStartup(db);
		const investor = await createInvestor(db);
		const event = await schedule(db, startup.owner, startup.org.id, {
			moderatorId: startup.owner.id,
			titleKo: '아주 긴 한국어 제목이 들어간 투자 설명회 세션으로 줄 접기를 시험합니다'
		});
		await registerForEvent(db, actorOf(investor.user), event.id, null, context);
		expect(await refusal(cancelEvent(db, actorOf(startup.member), event.id, 'no', context))).toBeInstanceOf(
			NotStartupAdminError
		);
		const cancelled = await cancelEvent(db, actorOf(startup.owner), event.id, 'Presenter is ill', context);
		expect(cancelled).toMatchObject({ status: 'cancelled', cancel_reason: 'Presenter is ill', sequence: 1 });
		expect(await refusal(cancelEvent(db, actorOf(startup.owner), event.id, 'again', context))).toBeInstanceOf(
			SessionClosedError
		);
		expect(
			await refusal(
				updateEvent(
					db,
					actorOf(startup.owner),
					event.id,
					{ input: eventInput({ moderatorId: startup.owner.id }) },
					context
				)
			)
		).toBeInstanceOf(SessionClosedError);
		const told = await db
			.selectFrom('notifications')
			.select(['kind', 'params'])
			.where('user_id', '=', investor.user.id)
			.where('kind', '=', 'ir_session_cancelled')
			.executeTakeFirstOrThrow();
		expect(told.params).toMatchObject({ reason: 'Presenter is ill' });

		const ics = eventCalendar(cancelled, { ko: '테스트 기업', en: 'Test Co' }, context.origin);
		expect(ics).toContain(`UID:ir-${event.id}@127.0.0.1\r\n`);
		expect(ics).toContain('SEQUENCE:1\r\n');
		expect(ics).toContain('STATUS:CANCELLED\r\n');
		expect(ics).toContain('METHOD:CANCEL\r\n');
		expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z\r\n/);
		// Folded at 75 octets without splitting a Korean character.
		for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		expect(ics).toContain('\r\n ');
	});
});
