// The demo seed against a real (embedded) database: complete, consistent and idempotent.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/lib/server/auth/password';
import { openDatabase, type Database } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo, seedDemoIfEmpty } from '../../src/lib/server/seed';

describe('demo seed', () => {
	let database: Database;
	let firstRun: Record<string, number> | null;
	let secondRun: Record<string, number>;
	let rowsAfterFirstRun: unknown[];
	let rowsAfterSecondRun: unknown[];

	beforeAll(async () => {
		database = await openDatabase({});
		await migrateToLatest(database.db);
		firstRun = await seedDemoIfEmpty(database.db);
		rowsAfterFirstRun = await allSeededRows();
		secondRun = await seedDemo(database.db);
		rowsAfterSecondRun = await allSeededRows();
	});

	afterAll(async () => {
		await database?.close();
	});

	async function allSeededRows() {
		const { db } = database;
		return Promise.all([
			db.selectFrom('organizations').selectAll().orderBy('slug').execute(),
			db.selectFrom('users').selectAll().orderBy('email').execute(),
			db.selectFrom('memberships').selectAll().orderBy('org_id').orderBy('user_id').execute()
		]);
	}

	async function tableCounts() {
		const { rows } = await sql<{ organizations: number; users: number; memberships: number }>`
			select
				(select count(*) from organizations)::int as organizations,
				(select count(*) from users)::int as users,
				(select count(*) from memberships)::int as memberships
		`.execute(database.db);
		return rows[0];
	}

	it('ensures the same rows on a second run', async () => {
		expect(firstRun).not.toBeNull();
		expect(secondRun).toEqual(firstRun);
		expect(await tableCounts()).toEqual(secondRun);
		expect(rowsAfterSecondRun).toEqual(rowsAfterFirstRun);
	});

	it('does nothing through seedDemoIfEmpty once users exist', async () => {
		expect(await seedDemoIfEmpty(database.db)).toBeNull();
	});

	it('covers every kind of organisation', async () => {
		const rows = await database.db
			.selectFrom('organizations')
			.select(['kind', (eb) => eb.fn.countAll<number>().as('count')])
			.groupBy('kind')
			.execute();
		const byKind = Object.fromEntries(rows.map((row) => [row.kind, Number(row.count)]));
		expect(rows.reduce((sum, row) => sum + Number(row.count), 0)).toBeGreaterThanOrEqual(45);
		expect(byKind.company).toBeGreaterThanOrEqual(22);
		expect(byKind.hospital).toBeGreaterThanOrEqual(7);
		expect(byKind.agency).toBeGreaterThanOrEqual(6);
		expect(byKind.university).toBeGreaterThanOrEqual(5);
		expect(byKind.investor).toBeGreaterThanOrEqual(5);
	});

	it('leaves organisations for the operator to verify, and one rejected with a reason', async () => {
		const rows = await database.db
			.selectFrom('organizations')
			.select(['status', 'status_reason', 'verified_at'])
			.execute();
		expect(rows.filter((row) => row.status === 'pending')).toHaveLength(2);
		const rejected = rows.filter((row) => row.status === 'rejected');
		expect(rejected).toHaveLength(1);
		expect(rejected[0].status_reason).toBeTruthy();
		expect(rows.filter((row) => row.status === 'verified').every((row) => row.verified_at !== null)).toBe(true);
	});

	it('gives every verified organisation an owner', async () => {
		const ownerless = await database.db
			.selectFrom('organizations')
			.select('slug')
			.where('status', '=', 'verified')
			.where(({ not, exists, selectFrom }) =>
				not(
					exists(
						selectFrom('memberships')
							.select('user_id')
							.whereRef('memberships.org_id', '=', 'organizations.id')
							.where('memberships.role', '=', 'owner')
					)
				)
			)
			.execute();
		expect(ownerless).toEqual([]);
	});

	it('creates every demo sign-in, verified, in its organisation', async () => {
		for (const account of DEMO_ACCOUNTS) {
			const row = await database.db
				.selectFrom('users')
				.innerJoin('memberships', 'memberships.user_id', 'users.id')
				.innerJoin('organizations', 'organizations.id', 'memberships.org_id')
				.select(['users.email_verified_at', 'users.is_operator', 'memberships.role', 'organizations.slug'])
				.where(sql`lower(users.email)`, '=', account.email)
				.executeTakeFirst();
			expect(row, account.email).toMatchObject({ slug: account.org, role: account.membership });
			expect(row?.email_verified_at, account.email).not.toBeNull();
			expect(row?.is_operator, account.email).toBe(account.role === 'operator');
		}
	});

	it('signs the demo accounts in with the demo password', async () => {
		const user = await database.db
			.selectFrom('users')
			.select('password_hash')
			.where('email', '=', 'startup@medcluster.example')
			.executeTakeFirstOrThrow();
		expect(await verifyPassword(user.password_hash, DEMO_PASSWORD)).toBe(true);
		expect(await verifyPassword(user.password_hash, 'wrong-password')).toBe(false);
	});

	it('puts the operator in the alliance secretariat', async () => {
		const operator = await database.db
			.selectFrom('users')
			.innerJoin('memberships', 'memberships.user_id', 'users.id')
			.innerJoin('organizations', 'organizations.id', 'memberships.org_id')
			.select(['users.is_operator', 'organizations.slug', 'organizations.kind'])
			.where('users.email', '=', 'operator@medcluster.example')
			.executeTakeFirstOrThrow();
		expect(operator).toEqual({ is_operator: true, slug: 'medcluster-alliance', kind: 'agency' });
	});
});
