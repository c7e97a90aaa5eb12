// Rows → the JSON the API returns (shapes in schemas.ts).
import type { ResourceAvailability } from './availability';
import type { BookingView, ResourceWithFacility } from './repository';

export const resourceJson = (r: ResourceWithFacility) => ({
	id: r.id,
	slug: r.slug,
	kind: r.kind,
	nameKo: r.name_ko,
	nameEn: r.name_en,
	descriptionKo: r.description_ko,
	descriptionEn: r.description_en,
	facility: { slug: r.facility_slug, nameKo: r.facility_name_ko, nameEn: r.facility_name_en, timeZone: r.time_zone },
	slotMinutes: r.slot_minutes,
	minMinutes: r.min_minutes,
	maxMinutes: r.max_minutes,
	minNoticeMinutes: r.min_notice_minutes,
	maxHorizonDays: r.max_horizon_days,
	quotaWeekHours: r.quota_week_hours === null ? null : Number(r.quota_week_hours),
	quotaMonthHours: r.quota_month_hours === null ? null : Number(r.quota_month_hours),
	autoConfirm: r.auto_confirm,
	requiresCredential: r.required_credential_id !== null
});

const iso = (i: { start: Date; end: Date }) => ({ start: i.start.toISOString(), end: i.end.toISOString() });

export const availabilityJson = (a: ResourceAvailability, from: Date, to: Date) => ({
	resourceId: a.resourceId,
	from: from.toISOString(),
	to: to.toISOString(),
	free: a.free.map(iso),
	busy: a.busy.map((b) => ({ ...iso(b), status: b.status })),
	blackouts: a.blackouts.map(iso)
});

export const bookingJson = (b: BookingView) => ({
	id: b.id,
	resourceId: b.resource_id,
	orgId: b.org_id,
	userId: b.user_id,
	start: b.starts_at.toISOString(),
	end: b.ends_at.toISOString(),
	status: b.status,
	purpose: b.purpose,
	decisionReason: b.decision_reason,
	checkedInAt: b.checked_in_at?.toISOString() ?? null,
	sequence: b.sequence,
	seriesId: b.series_id
});
