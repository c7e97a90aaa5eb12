// Per-programme figures for the operator and each call's managers: applications, selection rate, voucher use by category, and what the selected companies
// did in the alliance after selection — equipment hours, courses completed, IR sessions held, clinical
// needs matched — and the consulting sessions they held with the call's consultants (accepted requests).
//
import { sql } from 'kysely';
import type { Executor } from '../db';
import { ForbiddenError } from '../errors';
import type { Actor } from '../orgs/access';
import { isCallManager } from '../programmes/access';
import { NotFoundError } from '../errors';

type ApplicationCounts = {
	applications: number;
	considered: number;
	selected: number;
	reserve: number;
	declined: number;
	withdrawn: number;
};
type VoucherUse = {
	issued_krw: number;
	testbed_krw: number;
	course_krw: number;
	balance_krw: number;
	vouchers: number;
};
type Activity = {
	equipment_hours: number;
	courses_completed: number;
	ir_sessions: number;
	matched_needs: number;
	consulting_sessions: number;
	consulting_hours: number;
};

export type ProgrammeReport = { callId: string; selectionRate: number | null } & ApplicationCounts &
	VoucherUse &
	Activity;

/** For operators and the call's managers (members of the agency that runs it). */
export async function getProgrammeReport(db: Executor, actor: Actor, callId: string): Promise<ProgrammeReport> {
	const call = await db.selectFrom('programme_calls').select('org_id').where('id', '=', callId).executeTakeFirst();
	if (!call) throw actor.isOperator ? new NotFoundError() : new ForbiddenError('operator_only');
	if (!actor.isOperator && !(await isCallManager(db, actor, call))) throw new ForbiddenError('operator_only');
	const counts = await sql<ApplicationCounts>`
		select count(*) filter (where status <> 'draft')::int as applications,
			count(*) filter (where status not in ('draft', 'withdrawn'))::int as considered,
			count(*) filter (where status = 'selected')::int as selected,
			count(*) filter (where status = 'reserve')::int as reserve,
			count(*) filter (where status = 'declined')::int as declined,
			count(*) filter (where status = 'withdrawn')::int as withdrawn
		from programme_applications where call_id = ${callId}`.execute(db);
	const use = await sql<VoucherUse>`
		select coalesce(sum(v.amount_krw), 0)::int as issued_krw, coalesce(sum(v.balance_krw), 0)::int as balance_krw, count(v.id)::int as vouchers,
			coalesce((select sum(case when l.kind = 'spend' then l.amount_krw else -l.amount_krw end) from voucher_ledger l join vouchers w on w.id = l.voucher_id where w.programme_call_id = ${callId} and l.category = 'testbed'), 0)::int as testbed_krw,
			coalesce((select sum(case when l.kind = 'spend' then l.amount_krw else -l.amount_krw end) from voucher_ledger l join vouchers w on w.id = l.voucher_id where w.programme_call_id = ${callId} and l.category = 'course'), 0)::int as course_krw
		from vouchers v where v.programme_call_id = ${callId}`.execute(db);
	// What the selected companies did from their selection on.
	const activity = await sql<Activity>`
		with selected as (select organisation_id as org_id, coalesce(decided_at, submitted_at, now()) as since from programme_applications where call_id = ${callId} and status = 'selected')
		select
			coalesce((select sum(extract(epoch from upper(b.during) - lower(b.during))) / 3600 from bookings b join selected s on s.org_id = b.org_id where b.status in ('confirmed', 'completed') and lower(b.during) >= s.since), 0)::float8 as equipment_hours,
			(select count(*) from enrolments e join selected s on s.org_id = e.org_id where e.status = 'completed' and e.updated_at >= s.since)::int as courses_completed,
			(select count(*) from ir_events ev join selected s on s.org_id = ev.org_id where ev.status = 'ended' and ev.starts_at >= s.since)::int as ir_sessions,
			(select count(*) from need_responses nr join selected s on s.org_id = nr.org_id where nr.status = 'accepted' and nr.decided_at >= s.since)::int as matched_needs,
			(select count(*) from meeting_requests mr where mr.context_type = 'programme_consulting' and mr.context_id = ${callId} and mr.status = 'accepted')::int as consulting_sessions,
			coalesce((select sum(extract(epoch from sl.ends_at - sl.starts_at)) / 3600 from meeting_requests mr join meeting_request_slots sl on sl.id = mr.chosen_slot_id
				where mr.context_type = 'programme_consulting' and mr.context_id = ${callId} and mr.status = 'accepted'), 0)::float8 as consulting_hours`.execute(
		db
	);
	const c = counts.rows[0];
	return {
		callId,
		...c,
		...use.rows[0],
		...activity.rows[0],
		equipment_hours: Math.round(Number(activity.rows[0].equipment_hours) * 100) / 100,
		consulting_hours: Math.round(Number(activity.rows[0].consulting_hours) * 100) / 100,
		selectionRate: c.considered > 0 ? c.selected / c.considered : null
	};
}
