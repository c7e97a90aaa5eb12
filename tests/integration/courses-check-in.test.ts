// QR self check-in: a code is good for its minute and the one before, only while its meeting runs,
// only for that meeting, and only for trainees enrolled in the cohort.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { enrol } from '$lib/server/courses/service';
import {
	STEP_MS,
	checkIn,
	checkInToken,
	currentCheckInToken,
	ensureCheckInSecret,
	findCheckInSecret,
	stepOf
} from '$lib/server/courses/check-in';
import { CheckInTokenInvalidError, MeetingNotInProgressError, NotEnrolledError } from '$lib/server/courses/errors';
import { createTestDatabase } from './support/database';
import { DAY, HOUR, NOW, context, createCohort, createCourse, createProvider, createTrainee } from './courses-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

async function setup() {
	const provider = await createProvider(db);
	const course = await createCourse(db, provider.org.id);
	const cohort = await createCohort(db, course.id);
	const meetings = await db
		.selectFrom('cohort_meetings')
		.selectAll()
		.where('cohort_id', '=', cohort.id)
		.orderBy('starts_at')
		.execute();
	const trainee = await createTrainee(db);
	await enrol(db, trainee.actor, cohort.id, context, NOW);
	return { meetings, trainee };
}

const present = (meetingId: string) =>
	db.selectFrom('attendance').select(['enrolment_id', 'present']).where('meeting_id', '=', meetingId).execute();

describe('QR self check-in', () => {
	it('accepts the current and the previous code during the meeting, and marks the trainee present', async () => {
		const { meetings, trainee } = await setup();
		const [meeting] = meetings;
		const during = new Date(meeting.starts_at.getTime() + HOUR);
		const secret = await ensureCheckInSecret(db);
		expect(await ensureCheckInSecret(db)).toEqual(secret);
		expect(await findCheckInSecret(db)).toEqual(secret);
		const now = await currentCheckInToken(db, meeting, during);
		expect(now).toBe(checkInToken(secret, meeting.id, stepOf(during)));
		await checkIn(db, trainee.actor, meeting.id, now!, context, during);
		const oneBack = checkInToken(secret, meeting.id, stepOf(during) - 1);
		await checkIn(db, trainee.actor, meeting.id, oneBack, context, during);
		expect(await present(meeting.id)).toEqual([{ enrolment_id: expect.any(String), present: true }]);
		const audit = await db.selectFrom('audit_log').select('action').where('entity_id', '=', meeting.id).execute();
		expect(audit.map((a) => a.action)).toEqual(['attendance.checked_in', 'attendance.checked_in']);
		// Fifteen minutes early is already open.
		expect(await currentCheckInToken(db, meeting, new Date(meeting.starts_at.getTime() - 15 * 60_000))).not.toBeNull();
	});

	it('refuses a code two steps old, one of another meeting, outside the meeting, and for someone not enrolled', async () => {
		const { meetings, trainee } = await setup();
		const [meeting, other] = meetings;
		const during = new Date(meeting.starts_at.getTime() + HOUR);
		const secret = await ensureCheckInSecret(db);
		const twoBack = checkInToken(secret, meeting.id, stepOf(during) - 2);
		await expect(checkIn(db, trainee.actor, meeting.id, twoBack, context, during)).rejects.toBeInstanceOf(
			CheckInTokenInvalidError
		);
		const ofOther = checkInToken(secret, other.id, stepOf(during));
		await expect(checkIn(db, trainee.actor, meeting.id, ofOther, context, during)).rejects.toBeInstanceOf(
			CheckInTokenInvalidError
		);
		await expect(checkIn(db, trainee.actor, meeting.id, 'A'.repeat(22), context, during)).rejects.toBeInstanceOf(
			CheckInTokenInvalidError
		);

		const early = new Date(meeting.starts_at.getTime() - 16 * 60_000);
		await expect(
			checkIn(db, trainee.actor, meeting.id, checkInToken(secret, meeting.id, stepOf(early)), context, early)
		).rejects.toBeInstanceOf(MeetingNotInProgressError);
		const after = new Date(meeting.ends_at.getTime() + STEP_MS / 2);
		await expect(
			checkIn(db, trainee.actor, meeting.id, checkInToken(secret, meeting.id, stepOf(after)), context, after)
		).rejects.toBeInstanceOf(MeetingNotInProgressError);
		expect(await currentCheckInToken(db, meeting, new Date(meeting.starts_at.getTime() + DAY))).toBeNull();

		const stranger = await createTrainee(db);
		await expect(
			checkIn(db, stranger.actor, meeting.id, checkInToken(secret, meeting.id, stepOf(during)), context, during)
		).rejects.toBeInstanceOf(NotEnrolledError);
		expect(await present(meeting.id)).toEqual([]);
	});
});
