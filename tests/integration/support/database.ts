// One fresh, migrated database per test file: a throwaway PostgreSQL database when DATABASE_URL is
// set, else an in-memory PGlite. Files never share data, so they can run in parallel.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '$lib/server/db/connect';
import { migrateToLatest } from '$lib/server/db/migrate';

export type TestDatabase = Database;

/** The same server and credentials as `url`, but its `postgres` maintenance database. */
export function maintenanceUrl(url: string): string {
	const admin = new URL(url);
	admin.pathname = '/postgres';
	return admin.href;
}

/** `url` pointing at another database on the same server. */
export function databaseUrl(url: string, name: string): string {
	const target = new URL(url);
	target.pathname = `/${name}`;
	return target.href;
}

async function onMaintenance<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: maintenanceUrl(url) });
	await client.connect();
	try {
		return await run(client);
	} finally {
		await client.end();
	}
}

async function createPostgresDatabase(url: string): Promise<TestDatabase> {
	// Only [a-z0-9_]: the name is interpolated into DDL, which takes no parameters.
	const name = `mc_it_${randomBytes(6).toString('hex')}`;
	await onMaintenance(url, (client) => client.query(`create database "${name}"`));
	let database: Database | undefined;
	const drop = () => onMaintenance(url, (client) => client.query(`drop database if exists "${name}" with (force)`));
	try {
		database = await openDatabase({ url: databaseUrl(url, name), poolSize: 5 });
		await migrateToLatest(database.db);
	} catch (error) {
		await database?.close().catch(() => {});
		await drop();
		throw error;
	}
	const opened = database;
	return {
		...opened,
		async close() {
			try {
				await opened.close();
			} finally {
				await drop();
			}
		}
	};
}

async function createPGliteDatabase(): Promise<TestDatabase> {
	const database = await openDatabase({});
	await migrateToLatest(database.db);
	return database;
}

export function createTestDatabase(): Promise<TestDatabase> {
	const url = process.env.DATABASE_URL;
	return url ? createPostgresDatabase(url) : createPGliteDatabase();
}
