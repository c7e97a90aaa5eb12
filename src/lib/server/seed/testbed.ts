// Demo testbed: credentials, the labs and their resources (upserted by slug), the facility manager's
// appointment, a few credentials for demo users, and a few weeks of bookings around the current week.
import type { Transaction } from 'kysely';
import type { DB, BookingStatus } from '../db/types';
import { DEMO_CREDENTIALS, DEMO_FACILITIES, DEMO_HOURS, DEMO_RESOURCES } from '../testbed/demo-resources';
import { range } from '../testbed/repository';
import { addDays, localParts, mondayOf, zonedInstant } from '$lib/server/common/zoned-time';
import { DEFAULT_TIME_ZONE } from '$lib/time-zone';
import { seedAvailabilityAlerts } from './availability-alerts';

const TIME_ZONE = DEFAULT_TIME_ZONE;
/** Demo sign-ins and the credentials they hold (the README lists them). */
const DEMO_GRANTS: [string, string][] = [
	['startup@medcluster.example', '3d-printer-safety'],
	['startup@medcluster.example', 'electrical-safety']
];
const FACILITY_MANAGERS: [string, string][] = [
	['facility@medcluster.example', 'wonju-iomt-open-lab'],
	['facility@medcluster.example', 'wonju-mobile-lab']
];
const BOOKING_COMPANIES = [
	'lumenscan-ai',
	'neurocare-dtx',
	'ortho3d-works',
	'vitalpatch',
	'sleepmate',
	'medisense-iot',
	'spinecraft-3d',
	'carelink-remote'
];

type Ids = { orgIds: Map<string, string>; userIds: Map<string, string> };

async function upsertCatalogue(trx: Transaction<DB>, { orgIds }: Ids) {
	const credentials = await trx
		.insertInto('credentials')
		.values(DEMO_CREDENTIALS)
		.onConflict((oc) =>
			oc.column('slug').doUpdateSet((eb) => ({
				name_ko: eb.ref('excluded.name_ko'),
				name_en: eb.ref('excluded.name_en'),
				validity_months: eb.ref('excluded.validity_months')
			}))
		)
		.returning(['id', 'slug'])
		.execute();
	const credentialIds = new Map(credentials.map((c) => [c.slug, c.id]));
	const facilities = await trx
		.insertInto('facilities')
		.values(DEMO_FACILITIES.map(({ org, ...f }) => ({ ...f, org_id: orgIds.get(org)!, time_zone: TIME_ZONE })))
		.onConflict((oc) =>
			oc.column('slug').doUpdateSet((eb) => ({
				name_ko: eb.ref('excluded.name_ko'),
				name_en: eb.ref('excluded.name_en'),
				org_id: eb.ref('excluded.org_id')
			}))
		)
		.returning(['id', 'slug'])
		.execute();
	const facilityIds = new Map(facilities.map((f) => [f.slug, f.id]));
	const rows = DEMO_RESOURCES.map((r) => ({
		slug: r.slug,
		facility_id: facilityIds.get(r.facility)!,
		kind: r.kind,
		name_ko: r.name_ko,
		name_en: r.name_en,
		description_ko: r.description_ko,
		description_en: r.description_en,
		rules_ko: '예약 시간 10분 전까지 도착하세요. 사용 후 장비를 초기 상태로 돌려 놓으세요.',
		rules_en: 'Arrive ten minutes early. Leave the equipment as you found it.',
		location: DEMO_FACILITIES.find((f) => f.slug === r.facility)!.location_ko,
		slot_minutes: r.slot,
		min_minutes: r.min,
		max_minutes: r.max,
		min_notice_minutes: r.notice,
		max_horizon_days: r.horizonDays,
		quota_week_hours: r.quotaWeek,
		quota_month_hours: r.quotaMonth,
		auto_confirm: r.autoConfirm,
		checkin_before_minutes: r.checkinBefore ?? 15,
		member_rate_krw: r.rates[0],
		nonmember_rate_krw: r.rates[1],
		required_credential_id: r.credential ? credentialIds.get(r.credential)! : null
	}));
	const resources = await trx
		.insertInto('resources')
		.values(rows)
		.onConflict((oc) =>
			oc.column('slug').doUpdateSet((eb) =>
				Object.fromEntries(
					Object.keys(rows[0])
						.filter((k) => k !== 'slug')
						.map((k) => [k, eb.ref(`excluded.${k}` as 'excluded.name_ko')])
				)
			)
		)
		.returning(['id', 'slug'])
		.execute();
	const resourceIds = new Map(resources.map((r) => [r.slug, r.id]));
	await trx
		.deleteFrom('resource_hours')
		.where('resource_id', 'in', [...resourceIds.values()])
		.execute();
	await trx
		.insertInto('resource_hours')
		.values(
			DEMO_RESOURCES.flatMap((r) =>
				DEMO_HOURS[r.hours].map(([weekday, opens, closes]) => ({
					resource_id: resourceIds.get(r.slug)!,
					weekday,
					opens,
					closes
				}))
			)
		)
		.execute();
	return { credentialIds, facilityIds, resourceIds };
}

async function upsertPeople(
	trx: Transaction<DB>,
	ids: Ids,
	credentialIds: Map<string, string>,
	facilityIds: Map<string, string>
) {
	await trx
		.insertInto('facility_managers')
		.values(
			FACILITY_MANAGERS.map(([email, facility]) => ({
				facility_id: facilityIds.get(facility)!,
				user_id: ids.userIds.get(email)!
			}))
		)
		.onConflict((oc) => oc.doNothing())
		.execute();
	await trx
		.insertInto('user_credentials')
		.values(
			DEMO_GRANTS.map(([email, credential]) => ({
				user_id: ids.userIds.get(email)!,
				credential_id: credentialIds.get(credential)!,
				granted_at: new Date('2026-03-02T00:00:00Z'),
				expires_at: null,
				source: 'seed'
			}))
		)
		.onConflict((oc) => oc.columns(['user_id', 'credential_id']).doNothing())
		.execute();
}

/** Weekday bookings from two weeks back to two weeks ahead; only written when no booking exists yet. */
async function seedBookings(trx: Transaction<DB>, resourceIds: Map<string, string>, now: Date) {
	const any = await trx.selectFrom('bookings').select('id').limit(1).executeTakeFirst();
	if (any) return 0;
	const owners = await trx
		.selectFrom('memberships')
		.innerJoin('organizations', 'organizations.id', 'memberships.org_id')
		.select(['memberships.org_id', 'memberships.user_id'])
		.where('organizations.slug', 'in', BOOKING_COMPANIES)
		.where('memberships.role', '=', 'owner')
		.execute();
	const monday = mondayOf(localParts(now, TIME_ZONE).date);
	const booked = DEMO_RESOURCES.filter((r) => r.hours !== 'always').slice(0, 14);
	const rows = [];
	for (let day = -14; day < 14; day++) {
		const date = addDays(monday, day);
		const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
		if (weekday === 0 || weekday === 6) continue;
		for (const [i, resource] of booked.entries()) {
			// A deterministic, uneven pattern: some resources busy most days, others rarely.
			if ((day + i * 3) % (2 + (i % 4)) !== 0) continue;
			const owner = owners[(day + 14 + i) % owners.length];
			const startHour = 10 + ((i + day + 28) % 3) * 2;
			const start = zonedInstant(date, startHour * 60, TIME_ZONE);
			const end = zonedInstant(date, (startHour + 2) * 60, TIME_ZONE);
			const past = end < now;
			const status: BookingStatus = past
				? (day + i) % 7 === 0
					? 'no_show'
					: 'completed'
				: resource.autoConfirm || i % 2
					? 'confirmed'
					: 'pending';
			rows.push({
				resource_id: resourceIds.get(resource.slug)!,
				org_id: owner.org_id,
				user_id: owner.user_id,
				during: range(start, end),
				status,
				purpose: '시제품 성능 시험 / Prototype performance test',
				checked_in_at: status === 'completed' ? start : null,
				ended_at: past ? end : null
			});
		}
	}
	if (rows.length) await trx.insertInto('bookings').values(rows).execute();
	return rows.length;
}

export async function seedTestbed(trx: Transaction<DB>, ids: Ids, now = new Date()): Promise<Record<string, number>> {
	const { credentialIds, facilityIds, resourceIds } = await upsertCatalogue(trx, ids);
	await upsertPeople(trx, ids, credentialIds, facilityIds);
	const bookings = await seedBookings(trx, resourceIds, now);
	const availabilityAlerts = await seedAvailabilityAlerts(trx, now);
	return { facilities: facilityIds.size, resources: resourceIds.size, bookings, availabilityAlerts };
}
