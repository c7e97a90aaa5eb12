// Meetings of the cohorts the member is enrolled in (or finished). A meeting's version is its
// sequence (raised each time a manager moves it), one more once the cohort or the enrolment is cancelled.
import type { Executor } from '../../db';
import type { EnrolmentStatus } from '../../db/courses-types';
import type { ScheduleItem, ScheduleRange } from '../types';

const LIVE: EnrolmentStatus[] = ['enrolled', 'completed'];
// A place the member held and gave up: kept in feeds as cancelled so calendar apps remove it.
const LEFT: EnrolmentStatus[] = ['cancelled'];

export async function listCourseItems(db: Executor, userId: string, range: ScheduleRange): Promise<ScheduleItem[]> {
	const rows = await db
		.selectFrom('enrolments')
		.innerJoin('cohorts', 'cohorts.id', 'enrolments.cohort_id')
		.innerJoin('courses', 'courses.id', 'cohorts.course_id')
		.innerJoin('cohort_meetings', 'cohort_meetings.cohort_id', 'cohorts.id')
		.select([
			'enrolments.id as enrolment_id',
			'enrolments.status',
			'enrolments.enrolled_at',
			'enrolments.updated_at',
			'cohorts.cancelled_at',
			'cohorts.label_ko',
			'cohorts.label_en',
			'courses.slug',
			'courses.title_ko',
			'courses.title_en',
			'cohort_meetings.id as meeting_id',
			'cohort_meetings.starts_at',
			'cohort_meetings.ends_at',
			'cohort_meetings.place_ko',
			'cohort_meetings.place_en',
			'cohort_meetings.sequence',
			'cohort_meetings.updated_at as meeting_updated_at'
		])
		.where('enrolments.user_id', '=', userId)
		.where('enrolments.status', 'in', range.includeCancelled ? [...LIVE, ...LEFT] : LIVE)
		.where('cohort_meetings.ends_at', '>', range.from)
		.where('cohort_meetings.starts_at', '<', range.to)
		.orderBy('cohort_meetings.starts_at')
		.execute();
	return rows
		.filter((row) => LIVE.includes(row.status) || row.enrolled_at !== null)
		.filter((row) => range.includeCancelled || row.cancelled_at === null)
		.map((row) => {
			const cancelled = row.cancelled_at !== null || !LIVE.includes(row.status);
			return {
				uid: `meeting-${row.meeting_id}-${row.enrolment_id}`,
				kind: 'course' as const,
				title_ko: `${row.title_ko} (${row.label_ko})`,
				title_en: `${row.title_en} (${row.label_en})`,
				startsAt: row.starts_at,
				endsAt: row.ends_at,
				status: cancelled ? ('cancelled' as const) : ('confirmed' as const),
				link: `/courses/${row.slug}`,
				location_ko: row.place_ko,
				location_en: row.place_en,
				sequence: row.sequence + (cancelled ? 1 : 0),
				updatedAt:
					row.cancelled_at ?? (row.meeting_updated_at > row.updated_at ? row.meeting_updated_at : row.updated_at)
			};
		});
}
