// Certificates as the public verification page and the API show them: holder, course, dates, validity.
import type { Executor } from '../db';

export function findCertificateBySerial(db: Executor, serial: string) {
	return db
		.selectFrom('certificates')
		.innerJoin('enrolments', 'enrolments.id', 'certificates.enrolment_id')
		.innerJoin('users', 'users.id', 'enrolments.user_id')
		.innerJoin('cohorts', 'cohorts.id', 'enrolments.cohort_id')
		.innerJoin('courses', 'courses.id', 'cohorts.course_id')
		.innerJoin('organizations', 'organizations.id', 'courses.provider_org_id')
		.select([
			'certificates.serial',
			'certificates.issued_at',
			'certificates.expires_at',
			'certificates.revoked_at',
			'certificates.revoked_reason'
		])
		.select([
			'users.id as holder_id',
			'users.name as holder',
			'users.locale as holder_locale',
			'courses.id as course_id',
			'courses.slug as course_slug',
			'courses.title_ko',
			'courses.title_en',
			'cohorts.label_ko',
			'cohorts.label_en',
			'organizations.name_ko as provider_name_ko',
			'organizations.name_en as provider_name_en'
		])
		.where('certificates.serial', '=', serial)
		.executeTakeFirst();
}

export type CertificateView = NonNullable<Awaited<ReturnType<typeof findCertificateBySerial>>>;

/** Valid: not revoked and not past its expiry at `now`. */
export const isCertificateValid = (c: Pick<CertificateView, 'revoked_at' | 'expires_at'>, now: Date) =>
	!c.revoked_at && (!c.expires_at || c.expires_at > now);
