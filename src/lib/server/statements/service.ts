// Monthly statements: testbed hours × the resource's member or non-member rate, course fees, what
// vouchers paid and what remains to pay. For an organisation (its members) or a facility (its
// managers, every organisation that booked there).
import type { Executor } from '../db';
import { NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { isFacilityManager } from '../testbed/access';
import { hourlyRate, isAllianceMember, minutesBetween, priceOf } from '../vouchers/pricing';
import { isSlug, requireOrganizationReader } from './access';
import * as statementRepository from './repository';

export type StatementRequest = { month: string } & ({ org: string } | { facility: string });

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

export async function getStatement(db: Executor, actor: Actor, request: StatementRequest) {
	const [year, monthNumber] = request.month.split('-').map(Number);
	const month = { year, month: monthNumber };
	let subject: { kind: 'organization' | 'facility'; slug: string; name_ko: string; name_en: string };
	let scope: statementRepository.Scope;
	if ('org' in request) {
		const org = await requireOrganizationReader(db, actor, request.org);
		subject = { kind: 'organization', slug: org.slug, name_ko: org.name_ko, name_en: org.name_en };
		scope = { orgId: org.id };
	} else {
		if (!isSlug(request.facility)) throw new NotFoundError();
		const facility = await db
			.selectFrom('facilities')
			.select(['id', 'slug', 'name_ko', 'name_en'])
			.where('slug', '=', request.facility)
			.executeTakeFirst();
		if (!facility || !(await isFacilityManager(db, actor, facility.id))) throw new NotFoundError();
		subject = { kind: 'facility', slug: facility.slug, name_ko: facility.name_ko, name_en: facility.name_en };
		scope = { facilityId: facility.id };
	}
	const [bookingRows, feeRows, testRows] = await Promise.all([
		statementRepository.listBillableBookings(db, scope, month),
		'orgId' in scope ? statementRepository.listCourseFees(db, scope.orgId, month) : Promise.resolve([]),
		'orgId' in scope ? statementRepository.listTestServiceCharges(db, scope.orgId, month) : Promise.resolve([])
	]);
	const bookings = bookingRows.map((b) => {
		const member = isAllianceMember(b.org_status);
		const rate = hourlyRate(b, member);
		const minutes = minutesBetween(b.starts_at, b.ends_at);
		const amount = priceOf(minutes, rate);
		return {
			id: b.id,
			org_slug: b.org_slug,
			org_name_ko: b.org_name_ko,
			org_name_en: b.org_name_en,
			facility_name_ko: b.facility_name_ko,
			facility_name_en: b.facility_name_en,
			resource_name_ko: b.resource_name_ko,
			resource_name_en: b.resource_name_en,
			status: b.status,
			starts_at: b.starts_at,
			ends_at: b.ends_at,
			hours: hoursOf(minutes),
			member,
			rateKrw: rate,
			amountKrw: amount,
			voucherPaidKrw: b.voucher_paid_krw,
			remainingKrw: amount - b.voucher_paid_krw
		};
	});
	const courses = feeRows.map((f) => ({
		id: f.id,
		title_ko: f.title_ko,
		title_en: f.title_en,
		label_ko: f.label_ko,
		label_en: f.label_en,
		trainee: f.trainee,
		enrolled_at: f.enrolled_at,
		amountKrw: f.fee_krw,
		voucherPaidKrw: f.voucher_paid_krw,
		remainingKrw: f.fee_krw - f.voucher_paid_krw
	}));
	// An approved testing-service quote is one line at its total; vouchers do not pay for it (yet).
	const testServices = testRows.map((t) => ({
		id: t.id,
		standard: t.standard_other ?? t.standard,
		facility_name_ko: t.facility_name_ko,
		facility_name_en: t.facility_name_en,
		approved_at: t.decided_at,
		amountKrw: t.total_krw ?? 0
	}));
	const testbedKrw = sum(bookings.map((b) => b.amountKrw));
	const testServiceKrw = sum(testServices.map((t) => t.amountKrw));
	const courseKrw = sum(courses.map((c) => c.amountKrw));
	const voucherPaidKrw = sum([...bookings, ...courses].map((x) => x.voucherPaidKrw));
	const totals = {
		hours: hoursOf(sum(bookingRows.map((b) => minutesBetween(b.starts_at, b.ends_at)))),
		testbedKrw,
		courseKrw,
		testServiceKrw,
		totalKrw: testbedKrw + courseKrw + testServiceKrw,
		voucherPaidKrw,
		remainingKrw: testbedKrw + courseKrw + testServiceKrw - voucherPaidKrw
	};
	return { month: request.month, subject, bookings, courses, testServices, totals };
}

export type Statement = Awaited<ReturnType<typeof getStatement>>;
