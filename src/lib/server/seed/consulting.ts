// Demo consulting: the past Wonju commercialisation call names two consultants (a Techno Valley course
// manager and the ETRI reviewer) and Pulsewise held one session with the first, so the programme
// report and Pulsewise's evidence pack show consulting hours. A second run changes nothing.
import type { Transaction } from 'kysely';
import type { DB } from '../db/types';

type Ids = { orgIds: Map<string, string>; userIds: Map<string, string> };

const CALL = { org: 'wonju-mtv', title_en: '2026 Wonju digital-health commercialisation support' };
const CONSULTANTS = ['courses@medcluster.example', 'reviewer@medcluster.example'];
const SESSION = {
	org: 'pulsewise',
	requester: 'startup-admin@medcluster.example',
	consultant: 'courses@medcluster.example',
	message: '식약처 SaMD 확증 임상 계획서 검토 / Review of our MFDS pivotal-study protocol for the SaMD',
	requestedAt: '2026-05-04T10:00:00+09:00',
	startsAt: '2026-05-12T10:00:00+09:00',
	minutes: 90
};

export async function seedConsulting(trx: Transaction<DB>, { orgIds, userIds }: Ids): Promise<void> {
	const runningOrgId = orgIds.get(CALL.org);
	const call = runningOrgId
		? await trx
				.selectFrom('programme_calls')
				.select('id')
				.where('org_id', '=', runningOrgId)
				.where('title_en', '=', CALL.title_en)
				.executeTakeFirst()
		: undefined;
	if (!call || !runningOrgId) return;
	const consultantIds = CONSULTANTS.map((email) => userIds.get(email)).filter((id): id is string => !!id);
	if (consultantIds.length)
		await trx
			.insertInto('programme_consultants')
			.values(consultantIds.map((user_id) => ({ call_id: call.id, user_id })))
			.onConflict((oc) => oc.doNothing())
			.execute();

	const orgId = orgIds.get(SESSION.org);
	const consultantId = userIds.get(SESSION.consultant);
	if (!orgId || !consultantId) return;
	const existing = await trx
		.selectFrom('meeting_requests')
		.select('id')
		.where('context_type', '=', 'programme_consulting')
		.where('context_id', '=', call.id)
		.where('requester_org_id', '=', orgId)
		.executeTakeFirst();
	if (existing) return;
	const requestedAt = new Date(SESSION.requestedAt);
	const startsAt = new Date(SESSION.startsAt);
	const request = await trx
		.insertInto('meeting_requests')
		.values({
			requester_id: userIds.get(SESSION.requester) ?? null,
			requester_org_id: orgId,
			recipient_org_id: runningOrgId,
			recipient_user_id: consultantId,
			context_type: 'programme_consulting',
			context_id: call.id,
			message: SESSION.message,
			expires_at: new Date(requestedAt.getTime() + 7 * 86_400_000),
			created_at: requestedAt
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const slot = await trx
		.insertInto('meeting_request_slots')
		.values({
			request_id: request.id,
			starts_at: startsAt,
			ends_at: new Date(startsAt.getTime() + SESSION.minutes * 60_000)
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await trx
		.updateTable('meeting_requests')
		.set({
			status: 'accepted',
			chosen_slot_id: slot.id,
			decided_by: consultantId,
			decided_at: new Date(requestedAt.getTime() + 86_400_000)
		})
		.where('id', '=', request.id)
		.execute();
}
