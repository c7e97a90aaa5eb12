// Demo vouchers: companies selected in a programme earlier this year hold vouchers, partly spent on
// testbed bookings they have already used, so their statements and the voucher pages show numbers.
// Written once: a second run finds the programme's vouchers and changes nothing.
import type { Transaction } from 'kysely';
import type { DB } from '../db/types';
import { range } from '../testbed/repository';
import { addDays, localParts, zonedInstant } from '$lib/server/common/zoned-time';
import { bookingPrice } from '../vouchers/booking-payment';
import { issueVoucher, spendVoucher } from '../vouchers/service';
import { DEFAULT_TIME_ZONE } from '$lib/time-zone';

type Ids = { orgIds: Map<string, string>; userIds: Map<string, string> };

const TIME_ZONE = DEFAULT_TIME_ZONE;
const LABEL = {
	ko: '2026 원주 디지털헬스 실증 지원사업 바우처',
	en: '2026 Wonju digital-health validation programme voucher'
};
/** The past demo programme call (seed/programmes-data.ts) whose selected companies hold vouchers. */
const PAST_CALL_KEY = 'wonju-commercialisation';
/** Company, voucher amount in won, and how much of it to spend on its past bookings. */
const HOLDERS: [string, number, number][] = [
	['pulsewise', 6_000_000, 0.4],
	['lumenscan-ai', 5_000_000, 0.5],
	['neurocare-dtx', 3_000_000, 0.3],
	['ortho3d-works', 4_000_000, 0.6]
];
/** The demo startup's own past bookings (it is not among the seeded testbed's regular bookers). */
const STARTUP_BOOKINGS: [string, number][] = [
	['patient-simulator', -9],
	['ecg-simulator', -6],
	['patient-simulator', -3]
];

async function ownerOf(trx: Transaction<DB>, orgId: string) {
	return trx
		.selectFrom('memberships')
		.select('user_id')
		.where('org_id', '=', orgId)
		.where('role', '=', 'owner')
		.orderBy('created_at')
		.executeTakeFirst();
}

async function addStartupBookings(trx: Transaction<DB>, orgId: string, userId: string, now: Date) {
	const today = localParts(now, TIME_ZONE).date;
	for (const [slug, days] of STARTUP_BOOKINGS) {
		const resource = await trx.selectFrom('resources').select('id').where('slug', '=', slug).executeTakeFirst();
		if (!resource) continue;
		const date = addDays(today, days);
		const start = zonedInstant(date, 14 * 60, TIME_ZONE);
		const end = zonedInstant(date, 16 * 60, TIME_ZONE);
		// Completed bookings sit outside the overlap constraint, like every past booking.
		await trx
			.insertInto('bookings')
			.values({
				resource_id: resource.id,
				org_id: orgId,
				user_id: userId,
				during: range(start, end),
				status: 'completed',
				purpose: '사용성 평가 / Usability evaluation',
				checked_in_at: start,
				ended_at: end
			})
			.execute();
	}
}

export async function seedVouchers(trx: Transaction<DB>, { orgIds }: Ids, now = new Date()): Promise<number> {
	const existing = await trx
		.selectFrom('vouchers')
		.select('id')
		.where('label_en', '=', LABEL.en)
		.limit(1)
		.executeTakeFirst();
	if (existing) return 0;
	let issued = 0;
	for (const [slug, amount, share] of HOLDERS) {
		const orgId = orgIds.get(slug);
		const owner = orgId && (await ownerOf(trx, orgId));
		if (!orgId || !owner) continue;
		if (slug === 'pulsewise') await addStartupBookings(trx, orgId, owner.user_id, now);
		// Selected in the spring; the programme (and the voucher) runs to the end of the year.
		// A company selected in the past demo call holds that call's voucher.
		const call = await trx
			.selectFrom('programme_applications as a')
			.innerJoin('programme_calls as c', 'c.id', 'a.call_id')
			.select(['c.id', 'c.title_ko', 'c.title_en'])
			.where('a.organisation_id', '=', orgId)
			.where('a.status', '=', 'selected')
			.where('c.programme_key', '=', PAST_CALL_KEY)
			.executeTakeFirst();
		const voucher = await issueVoucher(trx, {
			organisationId: orgId,
			programmeCallId: call?.id ?? null,
			amountKrw: amount,
			expiresAt: zonedInstant(`${localParts(now, TIME_ZONE).date.slice(0, 4)}-12-31`, 23 * 60 + 59, TIME_ZONE),
			label: call ? { ko: call.title_ko, en: call.title_en } : LABEL
		});
		issued++;
		const used = await trx
			.selectFrom('bookings')
			.innerJoin('resources', 'resources.id', 'bookings.resource_id')
			.select(['bookings.id', 'bookings.during', 'resources.member_rate_krw', 'resources.nonmember_rate_krw'])
			.select((eb) => [
				eb.fn<Date>('lower', ['bookings.during']).as('starts_at'),
				eb.fn<Date>('upper', ['bookings.during']).as('ends_at')
			])
			.where('bookings.org_id', '=', orgId)
			.where('bookings.status', '=', 'completed')
			.orderBy('bookings.during')
			.execute();
		let budget = Math.floor(amount * share);
		for (const booking of used) {
			const { priceKrw } = await bookingPrice(trx, booking, orgId, booking.starts_at, booking.ends_at);
			if (priceKrw <= 0 || priceKrw > budget || priceKrw > voucher.balance_krw) continue;
			await spendVoucher(trx, {
				orgId,
				voucherId: voucher.id,
				amountKrw: priceKrw,
				actorId: owner.user_id,
				category: 'testbed',
				bookingId: booking.id,
				now: booking.starts_at
			});
			budget -= priceKrw;
		}
	}
	return issued;
}
