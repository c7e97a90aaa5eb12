// Monthly testbed reports: who may see which facilities' numbers, and the numbers themselves.
import type { Executor } from '../db';
import { NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { listManagedFacilityIds } from './access';
import { NotFacilityManagerError } from './errors';
import * as reportsRepository from './reports-repository';

export type ReportRequest = { month: string; facility?: string };

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Managers see their facilities (or one of them), operators every facility; anybody else is refused. */
export async function getMonthlyReport(db: Executor, actor: Actor, request: ReportRequest) {
	const managed = await listManagedFacilityIds(db, actor);
	if (!managed.length) throw new NotFacilityManagerError();
	const facilities = await reportsRepository.listFacilities(db, managed);
	// Somebody else's facility looks the same as one that does not exist.
	const chosen = request.facility ? facilities.filter((f) => f.slug === request.facility) : facilities;
	if (!chosen.length) throw new NotFoundError();
	const ids = chosen.map((f) => f.id);
	const [year, month] = request.month.split('-').map(Number);
	const [resourceRows, organizationRows] = await Promise.all([
		reportsRepository.listResourceUsage(db, ids, { year, month }),
		reportsRepository.listOrganizationUsage(db, ids, { year, month })
	]);
	const resources = resourceRows.map((r) => {
		const bookable = Number(r.bookable_hours);
		const booked = Number(r.booked_hours);
		return {
			slug: r.resource_slug,
			name_ko: r.resource_name_ko,
			name_en: r.resource_name_en,
			facility_name_ko: r.facility_name_ko,
			facility_name_en: r.facility_name_en,
			bookableHours: round(bookable),
			bookedHours: round(booked),
			utilisation: ratio(booked, bookable),
			bookings: Number(r.bookings),
			noShows: Number(r.no_shows),
			noShowRate: ratio(Number(r.no_shows), Number(r.attendance_known))
		};
	});
	const organizations = organizationRows.map((o) => ({
		slug: o.org_slug,
		name_ko: o.org_name_ko,
		name_en: o.org_name_en,
		bookings: Number(o.bookings),
		hours: round(Number(o.hours)),
		noShows: Number(o.no_shows)
	}));
	const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
	const known = sum(resourceRows.map((r) => Number(r.attendance_known)));
	const totals = {
		bookableHours: round(sum(resources.map((r) => r.bookableHours))),
		bookedHours: round(sum(resources.map((r) => r.bookedHours))),
		bookings: sum(resources.map((r) => r.bookings)),
		noShows: sum(resources.map((r) => r.noShows)),
		utilisation: ratio(
			sum(resourceRows.map((r) => Number(r.booked_hours))),
			sum(resourceRows.map((r) => Number(r.bookable_hours)))
		),
		noShowRate: ratio(sum(resources.map((r) => r.noShows)), known)
	};
	return {
		month: request.month,
		facility: request.facility ?? null,
		facilities: facilities.map(({ slug, name_ko, name_en }) => ({ slug, name_ko, name_en })),
		resources,
		organizations,
		totals
	};
}

export type MonthlyReport = Awaited<ReturnType<typeof getMonthlyReport>>;
