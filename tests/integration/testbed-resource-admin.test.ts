// Resource management: only managers of the facility (or the operator) change resources, every change audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { NotFoundError } from '$lib/server/errors';
import { SlugTakenError } from '$lib/server/orgs/errors';
import { NotFacilityManagerError } from '$lib/server/testbed/errors';
import {
	addBlackout,
	createResource,
	removeBlackout,
	setResourceHours,
	updateResource
} from '$lib/server/testbed/resource-admin';
import { hoursForm, resourceForm } from '$lib/server/testbed/resource-schemas';
import { getAvailability } from '$lib/server/testbed/availability';
import { createBooking } from '$lib/server/testbed/booking-create';
import { uniqueSuffix } from '../factories';
import { createTestDatabase } from './support/database';
import { NEXT_MONDAY, NOW, TZ, at, context, createBooker, createFacility, slot } from './testbed-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const input = (overrides: Record<string, string> = {}) =>
	resourceForm.parse({
		slug: `scope-${uniqueSuffix()}`,
		kind: 'equipment',
		name_ko: '오실로스코프',
		name_en: 'Oscilloscope',
		slot_minutes: '30',
		min_minutes: '60',
		max_minutes: '240',
		min_notice_minutes: '0',
		max_horizon_days: '60',
		cancel_cutoff_minutes: '60',
		checkin_before_minutes: '15',
		checkin_after_minutes: '30',
		quota_week_hours: '',
		quota_month_hours: '20',
		auto_confirm: 'on',
		member_rate_krw: '10000',
		nonmember_rate_krw: '20000',
		required_credential_id: '',
		active: 'on',
		...overrides
	});
const auditOf = (id: string) =>
	db
		.selectFrom('audit_log')
		.select(['action', 'actor_id', 'data'])
		.where('entity_type', '=', 'resource')
		.where('entity_id', '=', id)
		.orderBy('id')
		.execute();

describe('resource management', () => {
	it('reads forms strictly: slot multiples, min ≤ max, empty quota means none, 00:00 closing means midnight', () => {
		expect(resourceForm.safeParse({ ...input(), min_minutes: '45' }).success).toBe(false);
		expect(resourceForm.safeParse({ ...input(), min_minutes: '120', max_minutes: '60' }).success).toBe(false);
		expect(input()).toMatchObject({
			quota_week_hours: null,
			quota_month_hours: 20,
			auto_confirm: true,
			required_credential_id: null
		});
		expect(
			hoursForm.parse({
				opens_1: '09:00',
				closes_1: '18:00',
				opens_0: '00:00',
				closes_0: '00:00',
				opens_2: '',
				closes_2: ''
			})
		).toEqual([
			{ weekday: 0, opens: '00:00', closes: '24:00' },
			{ weekday: 1, opens: '09:00', closes: '18:00' }
		]);
		expect(hoursForm.safeParse({ opens_1: '18:00', closes_1: '09:00' }).success).toBe(false);
		expect(hoursForm.safeParse({ opens_1: '09:00', closes_1: '' }).success).toBe(false);
	});

	it('lets a manager create and edit a resource with hours and blackouts, auditing each change', async () => {
		const { facility, staff } = await createFacility(db);
		const manager = { id: staff.id, isOperator: false };
		const created = await createResource(db, manager, facility.id, input(), context);
		await setResourceHours(
			db,
			manager,
			created.id,
			hoursForm.parse({ opens_1: '09:00', closes_1: '18:00', opens_2: '09:00', closes_2: '12:00' }),
			context
		);
		await updateResource(
			db,
			manager,
			created.id,
			input({ slug: created.slug, name_en: 'Digital oscilloscope', max_minutes: '180' }),
			context
		);
		const booker = await createBooker(db);
		await createBooking(db, booker.actor, slot(created.id, NEXT_MONDAY, 14), context, NOW);
		const blackout = await addBlackout(
			db,
			manager,
			created.id,
			{ start: at(NEXT_MONDAY, 13), end: at(NEXT_MONDAY, 18), reason_ko: '교정', reason_en: 'Calibration' },
			context
		);
		expect(blackout.overlappingBookings).toBe(1);

		const row = await db.selectFrom('resources').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			name_en: 'Digital oscilloscope',
			max_minutes: 180,
			auto_confirm: true,
			member_rate_krw: 10000
		});
		const [availability] = await getAvailability(
			db,
			[{ ...row, time_zone: TZ }],
			at(NEXT_MONDAY, 0),
			at(NEXT_MONDAY, 23, 59),
			NOW
		);
		expect(availability.free).toEqual([{ start: at(NEXT_MONDAY, 9), end: at(NEXT_MONDAY, 13) }]);

		await removeBlackout(db, manager, created.id, blackout.id, context);
		await expect(removeBlackout(db, manager, created.id, blackout.id, context)).rejects.toBeInstanceOf(NotFoundError);
		const audit = await auditOf(created.id);
		expect(audit.map((a) => a.action)).toEqual([
			'resource.created',
			'resource.hours_set',
			'resource.updated',
			'resource.blackout_added',
			'resource.blackout_removed'
		]);
		expect(audit.every((a) => a.actor_id === staff.id)).toBe(true);
		expect(audit[2].data).toMatchObject({
			changes: { name_en: ['Oscilloscope', 'Digital oscilloscope'], max_minutes: [240, 180] }
		});
		expect(Object.keys((audit[2].data as { changes: object }).changes).sort()).toEqual(['max_minutes', 'name_en']);
	});

	it('refuses someone else’s facility and a taken slug, and leaves no trace', async () => {
		const a = await createFacility(db);
		const b = await createFacility(db);
		const managerB = { id: b.staff.id, isOperator: false };
		await expect(createResource(db, managerB, a.facility.id, input(), context)).rejects.toBeInstanceOf(
			NotFacilityManagerError
		);
		const resource = await createResource(db, { id: a.admin.id, isOperator: false }, a.facility.id, input(), context);
		await expect(
			updateResource(db, managerB, resource.id, input({ slug: resource.slug, name_en: 'Hijacked' }), context)
		).rejects.toBeInstanceOf(NotFacilityManagerError);
		await expect(
			addBlackout(
				db,
				managerB,
				resource.id,
				{ start: at(NEXT_MONDAY, 9), end: at(NEXT_MONDAY, 10), reason_ko: '-', reason_en: '-' },
				context
			)
		).rejects.toBeInstanceOf(NotFacilityManagerError);
		await expect(setResourceHours(db, managerB, resource.id, [], context)).rejects.toBeInstanceOf(
			NotFacilityManagerError
		);
		await expect(
			createResource(db, { id: a.staff.id, isOperator: false }, a.facility.id, input({ slug: resource.slug }), context)
		).rejects.toBeInstanceOf(SlugTakenError);
		// The operator may change any facility's resources.
		await updateResource(
			db,
			{ id: b.staff.id, isOperator: true },
			resource.id,
			input({ slug: resource.slug, name_en: 'Renamed by operator' }),
			context
		);
		expect((await auditOf(resource.id)).map((a) => a.action)).toEqual(['resource.created', 'resource.updated']);
		expect(
			await db.selectFrom('resource_blackouts').select('id').where('resource_id', '=', resource.id).execute()
		).toEqual([]);
	});
});
