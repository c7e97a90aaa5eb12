// Registering for IR sessions: access rules (investors-only refuses non-investors and investors of
// unverified firms), the NDA version, idempotence, cancelling; and who may download the pitch deck.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { NotFoundError } from '$lib/server/errors';
import { deckResponse, requireDeckAccess } from '$lib/server/ir/deck';
import { DeckDownloadOffError } from '$lib/server/ir/deck/errors';
import { readEventPage } from '$lib/server/ir/detail';
import { NdaVersionError, NotInvestorError, NotVerifiedMemberError, SessionClosedError } from '$lib/server/ir/errors';
import { cancelRegistration, registerForEvent } from '$lib/server/ir/registration';
import { listEvents } from '$lib/server/ir/repository';
import { eventsQuerySchema } from '$lib/server/ir/schemas';
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
	pdfFile,
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

const NDA = { ndaRequired: true, ndaText: 'Everything shown here is confidential.', ndaVersion: 'v1' };

describe('registration', () => {
	it('investors-only refuses a non-investor and an investor of an unverified firm, takes a verified investor', async () => {
		const startup = await createStartup(db);
		const event = await schedule(db, startup.owner, startup.org.id, {
			moderatorId: startup.owner.id,
			access: 'investors'
		});
		const hospital = await createHospitalMember(db);
		const unverified = await createInvestor(db, 'pending');
		const investor = await createInvestor(db);
		expect(await refusal(registerForEvent(db, actorOf(hospital.user), event.id, null, context))).toBeInstanceOf(
			NotInvestorError
		);
		expect(await refusal(registerForEvent(db, actorOf(unverified.user), event.id, null, context))).toBeInstanceOf(
			NotInvestorError
		);
		const { registration, created } = await registerForEvent(db, actorOf(investor.user), event.id, null, context);
		expect(created).toBe(true);
		expect(registration).toMatchObject({
			event_id: event.id,
			user_id: investor.user.id,
			org_id: investor.org.id,
			nda_version: null,
			cancelled_at: null
		});

		// The list shows the session to the investor, not to the hospital member; visitors never see it.
		const query = eventsQuerySchema.parse({});
		const ids = async (viewer: { id: string; isOperator: boolean } | null) =>
			(await listEvents(db, viewer, query, new Date())).events.map((e) => e.id);
		expect(await ids(actorOf(investor.user))).toContain(event.id);
		expect(await ids(actorOf(hospital.user))).not.toContain(event.id);
		expect(await ids(null)).not.toContain(event.id);
		// The hospital member reads why on the session page.
		expect((await readEventPage(db, actorOf(hospital.user), event.id)).refusal).toBe('investors');
	});

	it('members-only sessions need a verified organisation; open ones anybody signed in', async () => {
		const startup = await createStartup(db);
		const members = await schedule(db, startup.owner, startup.org.id, {
			moderatorId: startup.owner.id,
			access: 'members'
		});
		const open = await schedule(db, startup.owner, startup.org.id, { moderatorId: startup.owner.id, access: 'open' });
		const loner = await createUser(db);
		expect(await refusal(registerForEvent(db, actorOf(loner), members.id, null, context))).toBeInstanceOf(
			NotVerifiedMemberError
		);
		expect((await registerForEvent(db, actorOf(loner), open.id, null, context)).registration.org_id).toBeNull();
		expect(await refusal(readEventPage(db, null, members.id))).toBeInstanceOf(NotFoundError);
		expect((await readEventPage(db, null, open.id)).refusal).toBe('sign_in');
	});

	it('needs the current NDA version, records version, time and IP, and is idempotent', async () => {
		const startup = await createStartup(db);
		const event = await schedule(db, startup.owner, startup.org.id, { moderatorId: startup.owner.id, ...NDA });
		const investor = await createInvestor(db);
		const actor = actorOf(investor.user);
		expect(await refusal(registerForEvent(db, actor, event.id, null, context))).toBeInstanceOf(NdaVersionError);
		expect(await refusal(registerForEvent(db, actor, event.id, 'v0', context))).toBeInstanceOf(NdaVersionError);
		const first = await registerForEvent(db, actor, event.id, 'v1', context);
		expect(first.created).toBe(true);
		expect(first.registration).toMatchObject({ nda_version: 'v1', nda_ip: context.ip });
		expect(first.registration.nda_accepted_at).toBeInstanceOf(Date);
		const again = await registerForEvent(db, actor, event.id, 'v1', context);
		expect(again.created).toBe(false);
		expect(
			await db.selectFrom('ir_registrations').select('user_id').where('event_id', '=', event.id).execute()
		).toHaveLength(1);
		// One confirmation to the registrant, one "new registration" to the presenter.
		expect(
			await db
				.selectFrom('notifications')
				.select('kind')
				.where('user_id', '=', investor.user.id)
				.where('kind', '=', 'ir_registration_confirmed')
				.execute()
		).toHaveLength(1);
		expect(
			await db
				.selectFrom('notifications')
				.select('kind')
				.where('user_id', '=', startup.owner.id)
				.where('kind', '=', 'ir_registration_new')
				.execute()
		).toHaveLength(1);

		// Cancel, then register again: one row, active again.
		await cancelRegistration(db, actor, event.id, context);
		expect(
			(
				await db
					.selectFrom('ir_registrations')
					.select('cancelled_at')
					.where('event_id', '=', event.id)
					.executeTakeFirstOrThrow()
			).cancelled_at
		).toBeInstanceOf(Date);
		expect((await registerForEvent(db, actor, event.id, 'v1', context)).created).toBe(true);
		const actions = await db
			.selectFrom('audit_log')
			.select('action')
			.where('entity_id', '=', event.id)
			.where('action', 'like', 'ir_registration.%')
			.orderBy('id')
			.execute();
		expect(actions.map((a) => a.action)).toEqual([
			'ir_registration.registered',
			'ir_registration.cancelled',
			'ir_registration.registered'
		]);
	});

	it('refuses cancelled and ended sessions', async () => {
		const startup = await createStartup(db);
		const investor = await createInvestor(db);
		const event = await schedule(db, startup.owner, startup.org.id, { moderatorId: startup.owner.id });
		await cancelEvent(db, actorOf(startup.owner), event.id, 'Postponed', context);
		expect(await refusal(registerForEvent(db, actorOf(investor.user), event.id, null, context))).toBeInstanceOf(
			SessionClosedError
		);
		const past = await schedule(db, startup.owner, startup.org.id, { moderatorId: startup.owner.id });
		await db
			.updateTable('ir_events')
			.set({ starts_at: new Date(Date.now() - 3 * HOUR) })
			.where('id', '=', past.id)
			.execute();
		expect(await refusal(registerForEvent(db, actorOf(investor.user), past.id, null, context))).toBeInstanceOf(
			SessionClosedError
		);
		const ended = await schedule(db, startup.owner, startup.org.id, { moderatorId: startup.owner.id });
		await db
			.updateTable('ir_events')
			.set({ status: 'ended', ended_at: new Date() })
			.where('id', '=', ended.id)
			.execute();
		expect(await refusal(registerForEvent(db, actorOf(investor.user), ended.id, null, context))).toBeInstanceOf(
			SessionClosedError
		);
	});
});

describe('pitch deck', () => {
	it('goes to registrants with the current NDA, presenters, the moderator and operators; others get 404', async () => {
		const startup = await createStartup(db);
		const operator = await createOperator(db);
		const event = await schedule(
			db,
			startup.admin,
			startup.org.id,
			{ moderatorId: operator.id, ...NDA },
			pdfFile('덱 deck.pdf')
		);
		expect(event.deck_upload_id).not.toBeNull();
		const investor = await createInvestor(db);
		const stranger = await createUser(db);
		const denied = (user: { id: string; is_operator?: boolean }) =>
			refusal(requireDeckAccess(db, actorOf(user), event.id));

		expect(await denied(stranger)).toBeInstanceOf(NotFoundError);
		expect(await denied(startup.member)).toBeInstanceOf(NotFoundError);
		expect(await denied(investor.user)).toBeInstanceOf(NotFoundError);
		await registerForEvent(db, actorOf(investor.user), event.id, 'v1', context);
		expect(await denied(investor.user)).toBeNull();
		// Under the NDA the registrant reads the deck in the deck room; the PDF stays with the team.
		expect(await refusal(deckResponse(db, actorOf(investor.user), event.id))).toBeInstanceOf(DeckDownloadOffError);
		const response = await deckResponse(db, actorOf(startup.admin), event.id);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(await response.text()).toContain('%PDF-1.4');
		expect((await deckResponse(db, actorOf(operator), event.id)).status).toBe(200);

		// A new NDA version: the registrant must accept it again before the deck is theirs again.
		await updateEvent(
			db,
			actorOf(startup.admin),
			event.id,
			{ input: eventInput({ moderatorId: operator.id, startsAt: event.starts_at, ...NDA, ndaVersion: 'v2' }) },
			context
		);
		expect(await denied(investor.user)).toBeInstanceOf(NotFoundError);
		expect((await readEventPage(db, actorOf(investor.user), event.id)).ndaCurrent).toBe(false);
		expect((await registerForEvent(db, actorOf(investor.user), event.id, 'v2', context)).created).toBe(false);
		expect(await denied(investor.user)).toBeNull();
		// A cancelled registration loses the deck.
		await cancelRegistration(db, actorOf(investor.user), event.id, context);
		expect(await denied(investor.user)).toBeInstanceOf(NotFoundError);
	});

	it('refuses a file that is not a PDF and leaves nothing behind', async () => {
		const startup = await createStartup(db);
		const failure = await refusal(
			schedule(db, startup.owner, startup.org.id, { moderatorId: startup.owner.id }, new File(['<html>'], 'deck.pdf'))
		);
		expect(failure).toMatchObject({ code: 'upload_not_pdf' });
		expect(await db.selectFrom('ir_events').select('id').where('org_id', '=', startup.org.id).execute()).toEqual([]);
	});
});
