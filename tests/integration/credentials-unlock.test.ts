// A testbed resource that needs a credential points to the course that grants it; completing that
// course grants the credential, and the booking that was refused goes through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database';
import { NEXT_MONDAY, NOW, context, createBooker, createFacility, createResource, slot } from './testbed-support';
import { DAY, createCohort, createCourse, createProvider } from './courses-support';
import { createBooking } from '$lib/server/testbed/booking-create';
import { CredentialRequiredError } from '$lib/server/testbed/errors';
import { findMissingCredential } from '$lib/server/testbed/credentials';
import { enrol } from '$lib/server/courses/service';
import { markAttendance } from '$lib/server/courses/manage';
import { completeCohort } from '$lib/server/courses/completion';

let database: TestDatabase;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database?.close());

describe('credentials between courses and the testbed', () => {
	it('refuses with a link to the next granting course, then accepts once the course is completed', async () => {
		const db = database.db;
		const credential = await db
			.insertInto('credentials')
			.values({
				slug: `printer-${Date.now()}`,
				name_ko: '3D 프린터 안전',
				name_en: '3D printer safety',
				validity_months: 24
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		const { facility } = await createFacility(db);
		const resource = await createResource(db, facility.id, { required_credential_id: credential.id });
		const provider = await createProvider(db);
		const course = await createCourse(db, provider.org.id, { credential_id: credential.id, published: true });
		// One cohort already run (the booker takes it) and one still open for enrolment today.
		const past = await createCohort(db, course.id);
		await createCohort(db, course.id, {
			enrol_opens_at: new Date(Date.now() - DAY),
			enrol_closes_at: new Date(Date.now() + 30 * DAY)
		});
		const booker = await createBooker(db);

		// The page says so before the form: the credential's name and the course that grants it.
		await expect(
			findMissingCredential(db, booker.actor.id, resource.required_credential_id, new Date())
		).resolves.toEqual({
			name_ko: '3D 프린터 안전',
			name_en: '3D printer safety',
			courseLink: `/courses/${course.slug}`
		});
		await expect(findMissingCredential(db, booker.actor.id, null, new Date())).resolves.toBeNull();

		const refused = await createBooking(db, booker.actor, slot(resource.id, NEXT_MONDAY, 10), context, NOW).catch(
			(error) => error
		);
		expect(refused).toBeInstanceOf(CredentialRequiredError);
		expect(refused.link).toBe(`/courses/${course.slug}`);

		const enrolment = await enrol(db, booker.actor, past.id, context, NOW);
		expect(enrolment.status).toBe('enrolled');
		const meetings = await db.selectFrom('cohort_meetings').select('id').where('cohort_id', '=', past.id).execute();
		for (const meeting of meetings) await markAttendance(db, provider.actor, meeting.id, [enrolment.id], context, NOW);
		const completed = await completeCohort(db, provider.actor, past.id, context, new Date(NOW.getTime() + 60 * DAY));
		expect(completed).toHaveLength(1);

		await expect(
			findMissingCredential(db, booker.actor.id, resource.required_credential_id, new Date(NOW.getTime() + 61 * DAY))
		).resolves.toBeNull();
		await expect(
			createBooking(db, booker.actor, slot(resource.id, NEXT_MONDAY, 10), context, NOW)
		).resolves.toMatchObject({ status: 'confirmed' });
	});
});
