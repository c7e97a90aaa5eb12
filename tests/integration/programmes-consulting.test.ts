// Consulting sessions: a call's managers name consultants; only members of companies selected in that
// call book them, through the meeting scheduler; the consultant alone answers; accepted hours count in
// the programme report and the company's evidence pack; each party is told in their own language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { NotFoundError } from '$lib/server/errors';
import { addConsultant, readConsulting, removeConsultant, requestConsulting } from '$lib/server/consulting/service';
import {
	ConsultingEndedError,
	NotSelectedCompanyError,
	OwnConsultantError,
	SlotAfterProgrammeEndError,
	UnknownConsultantError
} from '$lib/server/consulting/errors';
import { acceptMeeting, declineMeeting, readMeeting } from '$lib/server/meetings/service';
import { NotMeetingRecipientError } from '$lib/server/meetings/errors';
import { listForMember } from '$lib/server/meetings/repository';
import { NotCallManagerError } from '$lib/server/programmes/errors';
import { getProgrammeReport } from '$lib/server/vouchers/programme-report';
import { getEvidencePack } from '$lib/server/statements/evidence';
import { listMeetingItems } from '$lib/server/schedule/sources/meetings';
import { createTestDatabase } from './support/database';
import { addMember, createUser } from '../factories';
import { actorOf, context, createAgency, createApplicant, createCall, refusal } from './programmes-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const HOUR = 3_600_000;
const inDays = (days: number, hours = 10) =>
	new Date(Math.ceil(Date.now() / HOUR) * HOUR + days * 86_400_000 + hours * HOUR);
const proposal = (start = inDays(3), minutes = 90) => ({
	message: 'Regulatory strategy for our SaMD',
	slots: [{ startsAt: start, endsAt: new Date(start.getTime() + minutes * 60_000) }]
});

async function setStatus(callId: string, orgId: string, status: 'selected' | 'declined' | 'submitted') {
	await db
		.insertInto('programme_applications')
		.values({
			call_id: callId,
			organisation_id: orgId,
			status,
			answers: '{}',
			submitted_at: sql<Date>`now() - interval '2 days'`,
			decided_at: status === 'submitted' ? null : sql<Date>`now() - interval '1 day'`
		})
		.execute();
}

async function scenario() {
	const agency = await createAgency(db);
	const call = await createCall(db, agency.org.id, { closed: true });
	const consultant = await createUser(db, { locale: 'ko', name: '김컨설턴트' });
	const outsideConsultant = await createUser(db, { locale: 'en', name: 'Outside Consultant' });
	await addMember(db, agency.org.id, consultant.id, 'member');
	const selected = await createApplicant(db);
	const colleague = await createUser(db, { locale: 'en' });
	await addMember(db, selected.org.id, colleague.id, 'member');
	const declined = await createApplicant(db);
	const bystander = await createApplicant(db);
	await setStatus(call.id, selected.org.id, 'selected');
	await setStatus(call.id, declined.org.id, 'declined');
	await addConsultant(db, actorOf(agency.manager), call.id, { userId: consultant.id }, context);
	await addConsultant(db, actorOf(agency.manager), call.id, { email: outsideConsultant.email.toUpperCase() }, context);
	return { agency, call, consultant, outsideConsultant, selected, colleague, declined, bystander };
}

describe('consulting sessions', () => {
	it('names consultants by the call managers only: running-organisation people or any account by e-mail', async () => {
		const { agency, call, consultant, selected } = await scenario();
		const view = await readConsulting(db, actorOf(agency.manager), call.id);
		expect(view.consultants.map((c) => c.name).sort()).toEqual(['Outside Consultant', '김컨설턴트'].sort());
		expect(
			await refusal(addConsultant(db, actorOf(selected.owner), call.id, { userId: consultant.id }, context))
		).toBeInstanceOf(NotCallManagerError);
		expect(
			await refusal(addConsultant(db, actorOf(agency.manager), call.id, { email: 'nobody-here@example.test' }, context))
		).toBeInstanceOf(UnknownConsultantError);
		// A user id is taken only from the running organisation's people.
		expect(
			await refusal(addConsultant(db, actorOf(agency.manager), call.id, { userId: selected.owner.id }, context))
		).toBeInstanceOf(NotFoundError);
		expect(
			await refusal(removeConsultant(db, actorOf(selected.owner), call.id, consultant.id, context))
		).toBeInstanceOf(NotCallManagerError);
		const audit = await db
			.selectFrom('audit_log')
			.select('action')
			.where('entity_id', '=', call.id)
			.where('action', '=', 'programme_call.consultant_added')
			.execute();
		expect(audit).toHaveLength(2);
	});

	it('lets only members of companies selected in that call book, and nobody but the consultant answer', async () => {
		const { call, consultant, outsideConsultant, selected, colleague, declined, bystander, agency } = await scenario();
		const parties = { organisationId: selected.org.id, consultantId: consultant.id };

		// Declined in this call, never applied, or naming a company one is not part of: refused.
		expect(
			await refusal(
				requestConsulting(
					db,
					actorOf(declined.owner),
					call.id,
					{ organisationId: declined.org.id, consultantId: consultant.id },
					proposal(),
					context
				)
			)
		).toBeInstanceOf(NotSelectedCompanyError);
		expect(
			await refusal(
				requestConsulting(
					db,
					actorOf(bystander.owner),
					call.id,
					{ organisationId: bystander.org.id, consultantId: consultant.id },
					proposal(),
					context
				)
			)
		).toBeInstanceOf(NotSelectedCompanyError);
		expect(
			await refusal(requestConsulting(db, actorOf(bystander.owner), call.id, parties, proposal(), context))
		).toBeInstanceOf(NotSelectedCompanyError);
		// Selected in another call of the same agency does not count here.
		const otherCall = await createCall(db, agency.org.id, { closed: true });
		await setStatus(otherCall.id, bystander.org.id, 'selected');
		expect(
			await refusal(
				requestConsulting(
					db,
					actorOf(bystander.owner),
					call.id,
					{ organisationId: bystander.org.id, consultantId: consultant.id },
					proposal(),
					context
				)
			)
		).toBeInstanceOf(NotSelectedCompanyError);
		// Somebody who is not a consultant of this call cannot be booked.
		expect(
			await refusal(
				requestConsulting(
					db,
					actorOf(selected.owner),
					call.id,
					{ ...parties, consultantId: agency.manager.id },
					proposal(),
					context
				)
			)
		).toBeInstanceOf(NotFoundError);
		// Slots past the programme's end are refused.
		expect(
			await refusal(requestConsulting(db, actorOf(selected.owner), call.id, parties, proposal(inDays(200)), context))
		).toBeInstanceOf(SlotAfterProgrammeEndError);
		expect(
			await db.selectFrom('meeting_requests').select('id').where('context_id', '=', call.id).execute()
		).toHaveLength(0);

		// Any member of the selected company may ask.
		const request = await requestConsulting(db, actorOf(colleague), call.id, parties, proposal(), context);
		expect(request).toMatchObject({
			context_type: 'programme_consulting',
			context_id: call.id,
			requester_org_id: selected.org.id,
			recipient_org_id: agency.org.id,
			recipient_user_id: consultant.id,
			status: 'requested'
		});

		// The consultant answers; the agency's other staff, the other consultant and the company do not.
		expect(await refusal(readMeeting(db, actorOf(agency.manager), request.id))).toBeInstanceOf(NotFoundError);
		expect(await refusal(acceptMeeting(db, actorOf(agency.manager), request.id, request.id, context))).toBeInstanceOf(
			NotFoundError
		);
		expect(await refusal(declineMeeting(db, actorOf(outsideConsultant), request.id, 'no', context))).toBeInstanceOf(
			NotFoundError
		);
		const slots = (await readMeeting(db, actorOf(consultant), request.id)).slots;
		expect(await refusal(acceptMeeting(db, actorOf(selected.owner), request.id, slots[0].id, context))).toBeInstanceOf(
			NotMeetingRecipientError
		);
		expect((await readMeeting(db, actorOf(consultant), request.id)).side).toBe('recipient');
		// It is in the consultant's meeting list, not in that of the agency's other staff.
		expect((await listForMember(db, consultant.id)).map((r) => r.id)).toContain(request.id);
		expect((await listForMember(db, agency.manager.id)).map((r) => r.id)).not.toContain(request.id);

		const accepted = await acceptMeeting(db, actorOf(consultant), request.id, slots[0].id, context);
		expect(accepted.status).toBe('accepted');

		// Told in each receiver's language: the consultant in Korean when asked, the company's English owner when accepted.
		const mails = await db
			.selectFrom('email_outbox')
			.select(['to_address', 'subject'])
			.where('to_address', 'in', [consultant.email, selected.owner.email])
			.orderBy('created_at')
			.execute();
		expect(mails.find((m) => m.to_address === consultant.email)?.subject).toBe(
			`컨설팅 요청: ${selected.org.name_ko} → 김컨설턴트`
		);
		expect(
			mails.find((m) => m.to_address === selected.owner.email && m.subject.startsWith('Consulting confirmed'))?.subject
		).toBe(`Consulting confirmed: ${selected.org.name_en} · 김컨설턴트`);

		// The session is in the consultant's and the company's schedule, not in the agency's other staff's.
		const range = { from: new Date(), to: inDays(30), includeCancelled: false };
		expect((await listMeetingItems(db, consultant.id, range)).map((i) => i.link)).toEqual([`/meetings/${request.id}`]);
		expect((await listMeetingItems(db, colleague.id, range)).map((i) => i.link)).toEqual([`/meetings/${request.id}`]);
		expect(await listMeetingItems(db, agency.manager.id, range)).toEqual([]);

		// The hours count in the programme report and in the company's evidence pack.
		const report = await getProgrammeReport(db, actorOf(agency.manager), call.id);
		expect(report).toMatchObject({ consulting_sessions: 1, consulting_hours: 1.5 });
		const pack = await getEvidencePack(db, actorOf(selected.owner), selected.org.slug);
		expect(pack.totals).toMatchObject({ consultingSessions: 1, consultingHours: 1.5 });
		expect(pack.consulting[0]).toMatchObject({ consultant: '김컨설턴트', title_en: call.title_en, hours: 1.5 });
	});

	it('counts neither declined nor unanswered requests, and refuses booking once the programme ended', async () => {
		const { call, consultant, outsideConsultant, selected, agency } = await scenario();
		const first = await requestConsulting(
			db,
			actorOf(selected.owner),
			call.id,
			{ organisationId: selected.org.id, consultantId: consultant.id },
			proposal(),
			context
		);
		await declineMeeting(db, actorOf(consultant), first.id, 'Fully booked this month', context);
		await requestConsulting(
			db,
			actorOf(selected.owner),
			call.id,
			{ organisationId: selected.org.id, consultantId: outsideConsultant.id },
			proposal(),
			context
		);
		expect(await getProgrammeReport(db, actorOf(agency.manager), call.id)).toMatchObject({
			consulting_sessions: 0,
			consulting_hours: 0
		});
		const declinedMail = await db
			.selectFrom('email_outbox')
			.select('subject')
			.where('to_address', '=', selected.owner.email)
			.where('subject', 'like', 'Consulting request declined%')
			.executeTakeFirstOrThrow();
		expect(declinedMail.subject).toContain(selected.org.name_en);

		// The company does not book its own people.
		await addMember(db, selected.org.id, outsideConsultant.id, 'member');
		expect(
			await refusal(
				requestConsulting(
					db,
					actorOf(selected.owner),
					call.id,
					{ organisationId: selected.org.id, consultantId: outsideConsultant.id },
					proposal(),
					context
				)
			)
		).toBeInstanceOf(OwnConsultantError);

		await db
			.updateTable('programme_calls')
			.set({ programme_ends_at: sql`now() - interval '1 minute'` })
			.where('id', '=', call.id)
			.execute();
		expect(
			await refusal(
				requestConsulting(
					db,
					actorOf(selected.owner),
					call.id,
					{ organisationId: selected.org.id, consultantId: consultant.id },
					proposal(),
					context
				)
			)
		).toBeInstanceOf(ConsultingEndedError);
	});

	it('shows the consulting page to managers, consultants and selected members only', async () => {
		const { call, consultant, selected, declined, agency } = await scenario();
		expect((await readConsulting(db, actorOf(consultant), call.id)).isConsultant).toBe(true);
		const company = await readConsulting(db, actorOf(selected.owner), call.id);
		expect(company.selectedOrgs.map((o) => o.id)).toEqual([selected.org.id]);
		expect(company.consultants.every((c) => c.email === null)).toBe(true);
		expect((await readConsulting(db, actorOf(agency.manager), call.id)).isManager).toBe(true);
		expect(await refusal(readConsulting(db, actorOf(declined.owner), call.id))).toBeInstanceOf(NotFoundError);
	});
});
