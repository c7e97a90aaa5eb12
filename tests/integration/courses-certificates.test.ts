// Completion: ≥ 80 % attendance issues a certificate and grants the course's credential in one
// transaction; revocation withdraws both; the testbed then refuses again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { enrol } from '$lib/server/courses/service';
import { markAttendance } from '$lib/server/courses/manage';
import { completeCohort, revokeCertificate } from '$lib/server/courses/completion';
import { findCertificateBySerial, isCertificateValid } from '$lib/server/courses/certificates';
import { NotCourseManagerError } from '$lib/server/courses/errors';
import { InvalidStateError } from '$lib/server/errors';
import { holdsCredential } from '$lib/server/testbed/credentials';
import { listHeldCertificates, listHeldCredentials } from '$lib/server/courses/holder';
import { createTestDatabase } from './support/database';
import { DAY, NOW, context, createCohort, createCourse, createProvider, createTrainee } from './courses-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

describe('completion and certificates', () => {
	it('certifies those with at least 80 % attendance, grants the credential, and revokes both', async () => {
		const provider = await createProvider(db);
		const credential = await db
			.insertInto('credentials')
			.values({
				slug: `cred-${Date.now()}`,
				name_ko: '3D 프린터 안전',
				name_en: '3D printer safety',
				validity_months: 24
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const course = await createCourse(db, provider.org.id, { credential_id: credential.id });
		const cohort = await createCohort(db, course.id);
		const [good, poor] = await Promise.all([createTrainee(db), createTrainee(db)]);
		const a = await enrol(db, good.actor, cohort.id, context, NOW);
		const b = await enrol(db, poor.actor, cohort.id, context, NOW);
		const meetings = await db
			.selectFrom('cohort_meetings')
			.select(['id', 'starts_at'])
			.where('cohort_id', '=', cohort.id)
			.orderBy('starts_at')
			.execute();
		// Five meetings: the good trainee misses one (80 %), the poor one misses two (60 %).
		for (const [i, meeting] of meetings.entries()) {
			const present = [...(i === 0 ? [] : [a.id]), ...(i < 2 ? [] : [b.id])];
			await markAttendance(db, provider.actor, meeting.id, present, context);
		}
		await expect(completeCohort(db, good.actor, cohort.id, context, NOW)).rejects.toBeInstanceOf(NotCourseManagerError);
		await expect(completeCohort(db, provider.actor, cohort.id, context, NOW)).rejects.toBeInstanceOf(InvalidStateError);

		const after = new Date(meetings[4].starts_at.getTime() + DAY);
		const completed = await completeCohort(db, provider.actor, cohort.id, context, after);
		expect(completed.map((c) => c.enrolmentId)).toEqual([a.id]);
		expect(completed[0].serial).toMatch(/^MC-\d{4}-[A-Z2-9]{8}$/);
		expect(await holdsCredential(db, good.user.id, credential.id, after)).toBe(true);
		expect(await holdsCredential(db, poor.user.id, credential.id, after)).toBe(false);
		const certificate = (await findCertificateBySerial(db, completed[0].serial))!;
		expect(certificate.holder).toBe(good.user.name);
		expect(isCertificateValid(certificate, after)).toBe(true);
		// "My credentials and certificates" lists the holder's own, and nobody else's.
		expect((await listHeldCredentials(db, good.user.id)).map((c) => c.name_en)).toEqual(['3D printer safety']);
		expect((await listHeldCertificates(db, good.user.id)).map((c) => c.serial)).toEqual([completed[0].serial]);
		expect(await listHeldCredentials(db, poor.user.id)).toEqual([]);
		expect(await listHeldCertificates(db, poor.user.id)).toEqual([]);
		// Running it again issues nothing more.
		expect(await completeCohort(db, provider.actor, cohort.id, context, after)).toEqual([]);

		await revokeCertificate(db, provider.actor, completed[0].serial, 'Attendance sheet corrected', context, after);
		const revoked = (await findCertificateBySerial(db, completed[0].serial))!;
		expect(isCertificateValid(revoked, after)).toBe(false);
		expect(revoked.revoked_reason).toBe('Attendance sheet corrected');
		expect(await holdsCredential(db, good.user.id, credential.id, after)).toBe(false);
		expect((await listHeldCertificates(db, good.user.id))[0].revoked_at).not.toBeNull();
		const audit = await db
			.selectFrom('audit_log')
			.select('action')
			.where('entity_id', 'in', [a.id, completed[0].serial])
			.orderBy('id')
			.execute();
		expect(audit.map((x) => x.action)).toEqual(['enrolment.enrolled', 'enrolment.completed', 'certificate.revoked']);
	});
});
