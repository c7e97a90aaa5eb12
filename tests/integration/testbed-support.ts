// Test data for the testbed: a facility of a verified agency, a resource with rules, bookers.
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { NewBookingInput } from '$lib/server/testbed/booking-create';
import { addMember, createOrganization, createUser, uniqueSuffix } from '../factories';
import { addDays, localParts, mondayOf, zonedInstant } from '$lib/server/common/zoned-time';

export const TZ = 'Asia/Seoul';
export const context = { ip: '127.0.0.1', origin: 'http://127.0.0.1:3000' };
/** A fixed "now": Monday 2026-03-02 09:00 in Seoul, so rules and quotas give the same answer every run. */
export const NOW = zonedInstant('2026-03-02', 9 * 60, TZ);

export const at = (date: string, hour: number, minute = 0) => zonedInstant(date, hour * 60 + minute, TZ);
/** Monday of the week after NOW. */
export const NEXT_MONDAY = addDays(mondayOf(localParts(NOW, TZ).date), 7);

export async function createFacility(db: Kysely<DB>) {
	const org = await createOrganization(db, { kind: 'agency' });
	const admin = await createUser(db);
	await addMember(db, org.id, admin.id, 'owner');
	const staff = await createUser(db);
	await addMember(db, org.id, staff.id, 'member');
	const facility = await db
		.insertInto('facilities')
		.values({ slug: `lab-${uniqueSuffix()}`, org_id: org.id, name_ko: '시험 랩', name_en: 'Test lab', time_zone: TZ })
		.returningAll()
		.executeTakeFirstOrThrow();
	await db.insertInto('facility_managers').values({ facility_id: facility.id, user_id: staff.id }).execute();
	return { org, admin, staff, facility };
}

export async function createResource(db: Kysely<DB>, facilityId: string, overrides: Record<string, unknown> = {}) {
	const resource = await db
		.insertInto('resources')
		.values({
			facility_id: facilityId,
			slug: `res-${uniqueSuffix()}`,
			kind: 'equipment',
			name_ko: '심전도 시뮬레이터',
			name_en: 'ECG simulator',
			slot_minutes: 30,
			min_minutes: 30,
			max_minutes: 240,
			min_notice_minutes: 60,
			max_horizon_days: 60,
			auto_confirm: true,
			...overrides
		})
		.returningAll()
		.executeTakeFirstOrThrow();
	await db
		.insertInto('resource_hours')
		.values([1, 2, 3, 4, 5].map((weekday) => ({ resource_id: resource.id, weekday, opens: '09:00', closes: '18:00' })))
		.execute();
	return resource;
}

/** A user in a verified company of their own (or of `orgId`). */
export async function createBooker(db: Kysely<DB>, orgId?: string) {
	const org = orgId ? { id: orgId } : await createOrganization(db);
	const user = await createUser(db);
	await addMember(db, org.id, user.id, 'member');
	return { user, orgId: org.id, actor: { id: user.id, isOperator: false } };
}

export const slot = (resourceId: string, date: string, hour: number, hours = 1, minute = 0): NewBookingInput => ({
	resourceId,
	start: at(date, hour, minute),
	end: new Date(at(date, hour, minute).getTime() + hours * 3_600_000),
	purpose: 'test'
});
