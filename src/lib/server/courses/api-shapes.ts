// Rows as the API returns them: camelCase, ISO instants, only what a client needs.
import type { z } from 'zod';
import type { CertificateView } from './certificates';
import { isCertificateValid } from './certificates';
import type { certificateSchema, cohortSchema, courseSchema } from './schemas';

type CatalogueRow = {
	slug: string;
	category: string;
	audiences: string[];
	level: string;
	language: string;
	format: string;
	title_ko: string;
	title_en: string;
	summary_ko: string;
	summary_en: string;
	provider_slug: string;
	provider_name_ko: string;
	provider_name_en: string;
	next_meeting_at: Date | string | null;
	seats_left: number;
	open_cohort_ids: string[];
	credential_id: string | null;
};

export const courseJson = (c: CatalogueRow) =>
	({
		slug: c.slug,
		category: c.category,
		audiences: c.audiences,
		level: c.level,
		language: c.language,
		format: c.format,
		titleKo: c.title_ko,
		titleEn: c.title_en,
		summaryKo: c.summary_ko,
		summaryEn: c.summary_en,
		provider: { slug: c.provider_slug, nameKo: c.provider_name_ko, nameEn: c.provider_name_en },
		nextMeetingAt: c.next_meeting_at ? new Date(c.next_meeting_at).toISOString() : null,
		seatsLeft: c.seats_left,
		openCohortIds: c.open_cohort_ids,
		grantsCredential: c.credential_id !== null
	}) as z.infer<typeof courseSchema>;

type CohortRow = {
	id: string;
	course_slug: string;
	label_ko: string;
	label_en: string;
	capacity: number;
	waitlist_enabled: boolean;
	offer_hours: number;
	enrol_opens_at: Date;
	enrol_closes_at: Date;
};
type MeetingRow = { starts_at: Date; ends_at: Date; place_ko: string; place_en: string };

export const cohortJson = (
	c: CohortRow,
	seats: { held: number; waitlisted: number },
	meetings: MeetingRow[]
): z.infer<typeof cohortSchema> => ({
	id: c.id,
	courseSlug: c.course_slug,
	labelKo: c.label_ko,
	labelEn: c.label_en,
	capacity: c.capacity,
	seatsLeft: Math.max(c.capacity - seats.held, 0),
	waitlisted: seats.waitlisted,
	waitlistEnabled: c.waitlist_enabled,
	offerHours: c.offer_hours,
	enrolOpensAt: c.enrol_opens_at.toISOString(),
	enrolClosesAt: c.enrol_closes_at.toISOString(),
	meetings: meetings.map((m) => ({
		start: m.starts_at.toISOString(),
		end: m.ends_at.toISOString(),
		placeKo: m.place_ko,
		placeEn: m.place_en
	}))
});

export const certificateJson = (c: CertificateView, now: Date): z.infer<typeof certificateSchema> => ({
	serial: c.serial,
	holder: c.holder,
	courseKo: c.title_ko,
	courseEn: c.title_en,
	issuedAt: c.issued_at.toISOString(),
	expiresAt: c.expires_at?.toISOString() ?? null,
	revokedAt: c.revoked_at?.toISOString() ?? null,
	valid: isCertificateValid(c, now)
});
