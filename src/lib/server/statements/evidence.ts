// The evidence pack: an organisation's whole record in the alliance, the document grant
// applications and regulatory dossiers ask for — testbed bookings with hours, course certificates,
// IR sessions it held with their attendance, clinical needs that accepted its response, and the
// consulting sessions it held with programme consultants.
import { sql } from 'kysely';
import type { Executor } from '../db';
import type { Actor } from '../orgs/access';
import { requireOrganizationReader } from './access';
import { listHeldByOrg as listConsulting } from '../consulting/repository';

const USED_BOOKINGS = ['confirmed', 'completed'] as const;

function listBookings(db: Executor, orgId: string) {
	return db
		.selectFrom('bookings as b')
		.innerJoin('resources as r', 'r.id', 'b.resource_id')
		.innerJoin('facilities as f', 'f.id', 'r.facility_id')
		.select([
			'b.id',
			'b.status',
			'r.name_ko as resource_name_ko',
			'r.name_en as resource_name_en',
			'f.name_ko as facility_name_ko',
			'f.name_en as facility_name_en',
			sql<Date>`lower(b.during)`.as('starts_at'),
			sql<number>`extract(epoch from upper(b.during) - lower(b.during)) / 3600`.as('hours')
		])
		.where('b.org_id', '=', orgId)
		.where('b.status', 'in', [...USED_BOOKINGS])
		.orderBy(sql`lower(b.during)`)
		.execute();
}

function listCertificates(db: Executor, orgId: string) {
	return db
		.selectFrom('certificates as ce')
		.innerJoin('enrolments as e', 'e.id', 'ce.enrolment_id')
		.innerJoin('cohorts as c', 'c.id', 'e.cohort_id')
		.innerJoin('courses as co', 'co.id', 'c.course_id')
		.innerJoin('users as u', 'u.id', 'e.user_id')
		.select(['ce.serial', 'ce.issued_at', 'ce.expires_at', 'co.title_ko', 'co.title_en', 'u.name as holder'])
		.where('e.org_id', '=', orgId)
		.where('ce.revoked_at', 'is', null)
		.orderBy('ce.issued_at')
		.execute();
}

function listIrSessions(db: Executor, orgId: string) {
	return db
		.selectFrom('ir_events as ev')
		.select([
			'ev.id',
			'ev.title_ko',
			'ev.title_en',
			'ev.starts_at',
			'ev.peak_viewers',
			sql<number>`(select count(distinct a.user_id) from ir_attendance a where a.event_id = ev.id and a.role in ('viewer', 'speaker'))::int`.as(
				'attendees'
			),
			sql<number>`(select count(*) from ir_registrations g where g.event_id = ev.id)::int`.as('registrations')
		])
		.where('ev.org_id', '=', orgId)
		.where('ev.status', '=', 'ended')
		.orderBy('ev.starts_at')
		.execute();
}

function listAcceptedNeeds(db: Executor, orgId: string) {
	return db
		.selectFrom('need_responses as nr')
		.innerJoin('needs as n', 'n.id', 'nr.need_id')
		.innerJoin('organizations as h', 'h.id', 'n.hospital_org_id')
		.select([
			'nr.id',
			'n.title_ko',
			'n.title_en',
			'h.name_ko as hospital_name_ko',
			'h.name_en as hospital_name_en',
			'nr.decided_at'
		])
		.where('nr.org_id', '=', orgId)
		.where('nr.status', '=', 'accepted')
		.orderBy('nr.decided_at')
		.execute();
}

export async function getEvidencePack(db: Executor, actor: Actor, orgSlug: string) {
	const org = await requireOrganizationReader(db, actor, orgSlug);
	const [bookings, certificates, irSessions, needs, consulting] = await Promise.all([
		listBookings(db, org.id),
		listCertificates(db, org.id),
		listIrSessions(db, org.id),
		listAcceptedNeeds(db, org.id),
		listConsulting(db, org.id)
	]);
	const hours = Math.round(bookings.reduce((a, b) => a + Number(b.hours), 0) * 100) / 100;
	const consultingHours = Math.round(consulting.reduce((a, c) => a + Number(c.hours), 0) * 100) / 100;
	return {
		organization: { slug: org.slug, name_ko: org.name_ko, name_en: org.name_en, verified_at: org.verified_at },
		bookings: bookings.map((b) => ({ ...b, hours: Math.round(Number(b.hours) * 100) / 100 })),
		certificates,
		irSessions,
		needs,
		consulting: consulting.map((c) => ({ ...c, hours: Math.round(Number(c.hours) * 100) / 100 })),
		totals: {
			hours,
			bookings: bookings.length,
			certificates: certificates.length,
			irSessions: irSessions.length,
			attendees: irSessions.reduce((a, s) => a + s.attendees, 0),
			needs: needs.length,
			consultingSessions: consulting.length,
			consultingHours
		}
	};
}

export type EvidencePack = Awaited<ReturnType<typeof getEvidencePack>>;
