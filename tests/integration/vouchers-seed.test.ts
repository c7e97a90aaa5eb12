// The demo vouchers: partly spent on past bookings, consistent with their ledgers, written once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { seedDemo } from '$lib/server/seed';
import { getStatement } from '$lib/server/statements/service';
import { localParts } from '$lib/server/common/zoned-time';
import { createTestDatabase } from './support/database';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
	await seedDemo(db);
	await seedDemo(db);
});
afterAll(() => database.close());

describe('demo vouchers', () => {
	it('are issued once, partly spent, and every balance equals its ledger', async () => {
		const vouchers = await db
			.selectFrom('vouchers')
			.innerJoin('organizations', 'organizations.id', 'vouchers.org_id')
			.select(['vouchers.id', 'organizations.slug', 'amount_krw', 'balance_krw'])
			.execute();
		expect(vouchers.map((v) => v.slug).sort()).toEqual(['lumenscan-ai', 'neurocare-dtx', 'ortho3d-works', 'pulsewise']);
		for (const v of vouchers) {
			expect(v.balance_krw).toBeLessThan(v.amount_krw);
			expect(v.balance_krw).toBeGreaterThan(0);
		}
		const { rows } = await sql<{ id: string; net: number }>`
			select voucher_id as id, sum(case when kind = 'spend' then -amount_krw else amount_krw end)::int as net from voucher_ledger group by voucher_id`.execute(
			db
		);
		expect(Object.fromEntries(rows.map((r) => [r.id, r.net]))).toEqual(
			Object.fromEntries(vouchers.map((v) => [v.id, v.balance_krw]))
		);
	});

	it('shows on the demo startup’s statement for the month of its paid bookings', async () => {
		const paid = await db
			.selectFrom('voucher_ledger as l')
			.innerJoin('bookings as b', 'b.id', 'l.booking_id')
			.innerJoin('organizations as o', 'o.id', 'b.org_id')
			.select([sql<Date>`lower(b.during)`.as('starts_at')])
			.where('o.slug', '=', 'pulsewise')
			.where('l.kind', '=', 'spend')
			.orderBy('b.during')
			.executeTakeFirstOrThrow();
		const operator = await db
			.selectFrom('users')
			.select(['id', 'is_operator'])
			.where('is_operator', '=', true)
			.executeTakeFirstOrThrow();
		const statement = await getStatement(
			db,
			{ id: operator.id, isOperator: true },
			{ org: 'pulsewise', month: localParts(paid.starts_at, 'Asia/Seoul').date.slice(0, 7) }
		);
		expect(statement.totals.voucherPaidKrw).toBeGreaterThan(0);
		expect(statement.totals.testbedKrw).toBeGreaterThanOrEqual(statement.totals.voucherPaidKrw);
	});
});
