// The signed-in home: what is coming up for this person and what waits for them, across domains.
import type { Executor } from '../db';
import { listScheduleItems } from '../schedule/service';
import { listManagedFacilityIds } from '../testbed/access';
import { listUnreadThreads } from '../needs/unread-threads';

const HORIZON_MS = 30 * 24 * 3_600_000;
const UPCOMING_LIMIT = 6;

export async function homeDashboard(db: Executor, user: { id: string; isOperator: boolean }, now: Date) {
	const [items, offers, facilityIds, threads, meetingRequests] = await Promise.all([
		listScheduleItems(db, user.id, { from: now, to: new Date(now.getTime() + HORIZON_MS), includeCancelled: false }),
		db
			.selectFrom('enrolments')
			.innerJoin('cohorts', 'cohorts.id', 'enrolments.cohort_id')
			.innerJoin('courses', 'courses.id', 'cohorts.course_id')
			.select([
				'enrolments.id',
				'enrolments.offer_expires_at',
				'courses.slug',
				'courses.title_ko',
				'courses.title_en',
				'cohorts.label_ko',
				'cohorts.label_en'
			])
			.where('enrolments.user_id', '=', user.id)
			.where('enrolments.status', '=', 'offered')
			.execute(),
		listManagedFacilityIds(db, user),
		listUnreadThreads(db, user.id),
		// Meeting requests to one of the person's organisations (or to them as a consultant) that still wait for an answer.
		db
			.selectFrom('meeting_requests as r')
			.innerJoin('organizations as rq', 'rq.id', 'r.requester_org_id')
			.select(['r.id', 'rq.name_ko', 'rq.name_en', 'r.expires_at'])
			.where('r.status', '=', 'requested')
			.where('r.expires_at', '>', now)
			// A consulting request waits for its consultant alone, not for their colleagues.
			.where((eb) =>
				eb.or([
					eb.and([
						eb('r.recipient_user_id', 'is', null),
						eb('r.recipient_org_id', 'in', db.selectFrom('memberships').select('org_id').where('user_id', '=', user.id))
					]),
					eb('r.recipient_user_id', '=', user.id)
				])
			)
			.orderBy('r.expires_at')
			.limit(5)
			.execute()
	]);
	const approvals = facilityIds.length
		? await db
				.selectFrom('bookings')
				.innerJoin('resources', 'resources.id', 'bookings.resource_id')
				.select((eb) => eb.fn.countAll<string>().as('n'))
				.where('resources.facility_id', 'in', facilityIds)
				.where('bookings.status', '=', 'pending')
				.executeTakeFirst()
		: undefined;
	const upcoming = items.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).slice(0, UPCOMING_LIMIT);
	return {
		upcoming: upcoming.map((i) => ({
			uid: i.uid,
			kind: i.kind,
			title_ko: i.title_ko,
			title_en: i.title_en,
			start: i.startsAt.toISOString(),
			end: i.endsAt.toISOString(),
			tentative: i.status === 'tentative',
			link: i.link
		})),
		offers: offers.map((o) => ({
			id: o.id,
			slug: o.slug,
			title_ko: o.title_ko,
			title_en: o.title_en,
			label_ko: o.label_ko,
			label_en: o.label_en,
			expires: o.offer_expires_at?.toISOString() ?? null
		})),
		pendingApprovals: facilityIds.length ? Number(approvals?.n ?? 0) : null,
		threads: threads.map((t) => ({
			responseId: t.response_id,
			needId: t.need_id,
			title_ko: t.title_ko,
			title_en: t.title_en,
			unread: t.unread
		})),
		meetingRequests: meetingRequests.map((r) => ({
			id: r.id,
			name_ko: r.name_ko,
			name_en: r.name_en,
			expires: r.expires_at.toISOString()
		}))
	};
}
