// Demo availability alerts for startup-admin@: one already booked, one cancelled, so the list at
// /testbed/bookings/alerts is not empty. No active alert: a live hold would block demo slots.
import type { Transaction } from 'kysely';
import type { DB } from '../db/types';
import { addDays, localParts, mondayOf, zonedInstant } from '$lib/server/common/zoned-time';
import { DEFAULT_TIME_ZONE } from '$lib/time-zone';

export async function seedAvailabilityAlerts(trx: Transaction<DB>, now: Date): Promise<number> {
	if (await trx.selectFrom('availability_alerts').select('id').limit(1).executeTakeFirst()) return 0;
	const member = await trx
		.selectFrom('users')
		.innerJoin('memberships', 'memberships.user_id', 'users.id')
		.select(['users.id', 'memberships.org_id'])
		.where('users.email', '=', 'startup-admin@medcluster.example')
		.executeTakeFirst();
	const resources = await trx.selectFrom('resources').select('id').orderBy('slug').limit(2).execute();
	if (!member || resources.length < 2) return 0;
	const monday = mondayOf(localParts(now, DEFAULT_TIME_ZONE).date);
	const week = (offset: number) => ({
		starts_at: zonedInstant(addDays(monday, offset), 0, DEFAULT_TIME_ZONE),
		ends_at: zonedInstant(addDays(monday, offset + 5), 0, DEFAULT_TIME_ZONE)
	});
	await trx
		.insertInto('availability_alerts')
		.values([
			{
				resource_id: resources[0].id,
				user_id: member.id,
				org_id: member.org_id,
				...week(7),
				min_minutes: 120,
				status: 'fulfilled',
				closed_at: now
			},
			{
				resource_id: resources[1].id,
				user_id: member.id,
				org_id: member.org_id,
				...week(14),
				min_minutes: null,
				status: 'cancelled',
				closed_at: now
			}
		])
		.execute();
	return 2;
}
