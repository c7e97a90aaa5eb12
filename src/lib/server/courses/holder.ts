// What one person holds: their credentials (which unlock testbed resources) and course certificates.
import type { Executor } from '../db';

export function listHeldCertificates(db: Executor, userId: string) {
	return db
		.selectFrom('certificates')
		.innerJoin('enrolments', 'enrolments.id', 'certificates.enrolment_id')
		.innerJoin('cohorts', 'cohorts.id', 'enrolments.cohort_id')
		.innerJoin('courses', 'courses.id', 'cohorts.course_id')
		.select([
			'certificates.serial',
			'certificates.issued_at',
			'certificates.expires_at',
			'certificates.revoked_at',
			'courses.slug as course_slug',
			'courses.title_ko',
			'courses.title_en',
			'cohorts.label_ko',
			'cohorts.label_en'
		])
		.where('enrolments.user_id', '=', userId)
		.orderBy('certificates.issued_at', 'desc')
		.execute();
}

export function listHeldCredentials(db: Executor, userId: string) {
	return (
		db
			.selectFrom('user_credentials')
			.innerJoin('credentials', 'credentials.id', 'user_credentials.credential_id')
			.select([
				'credentials.id',
				'credentials.slug',
				'credentials.name_ko',
				'credentials.name_en',
				'user_credentials.granted_at',
				'user_credentials.expires_at'
			])
			// The resources each credential opens, so people see what it is for.
			.select((eb) =>
				eb
					.selectFrom('resources')
					.select((inner) => inner.fn.count<string>('resources.id').as('n'))
					.whereRef('resources.required_credential_id', '=', 'credentials.id')
					.where('resources.active', '=', true)
					.as('resources_unlocked')
			)
			.where('user_credentials.user_id', '=', userId)
			.orderBy('user_credentials.granted_at', 'desc')
			.execute()
	);
}
