// db:backup / db:restore: a backup restored into a fresh database holds the same rows, on PGlite
// (its data-folder dump) and on PostgreSQL (pg_dump / pg_restore) when DATABASE_URL is set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import { openDatabase } from '$lib/server/db/connect';
import { migrateToLatest } from '$lib/server/db/migrate';
import { backupPGlite, backupPostgres, restorePGlite, restorePostgres } from '$lib/server/backup/backup';
import { findPgTool } from '$lib/server/backup/pg-tools';
import { addMember, createOrganization, createUser } from '../factories';
import { databaseUrl, maintenanceUrl } from './support/database';

const work = mkdtempSync(join(tmpdir(), 'mc-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function writeRows(db: Kysely<DB>) {
	const user = await createUser(db, { name: '백업 확인 사용자' });
	const org = await createOrganization(db);
	await addMember(db, org.id, user.id, 'owner');
	await db
		.insertInto('privacy_consents')
		.values({
			user_id: user.id,
			purpose: 'required',
			granted: true,
			notice_version: (await db.selectFrom('privacy_notices').select('version').executeTakeFirstOrThrow()).version
		})
		.execute();
}

async function snapshot(db: Kysely<DB>) {
	return {
		users: await db
			.selectFrom('users')
			.select(['id', 'email', 'name', 'password_hash', 'created_at'])
			.orderBy('id')
			.execute(),
		organizations: await db.selectFrom('organizations').select(['id', 'slug', 'name_ko']).orderBy('id').execute(),
		memberships: await db.selectFrom('memberships').select(['org_id', 'user_id', 'role']).orderBy('org_id').execute(),
		consents: await db
			.selectFrom('privacy_consents')
			.select(['user_id', 'purpose', 'notice_version'])
			.orderBy('id')
			.execute(),
		migrations: await db
			.selectFrom('kysely_migration' as never)
			.select('name' as never)
			.orderBy('name' as never)
			.execute()
	};
}

describe('pg tools', () => {
	it('prefers PG_BIN_DIR, then the newest Debian version folder, then the PATH', () => {
		expect(findPgTool('pg_dump', { PG_BIN_DIR: '/opt/pg/bin' })).toBe('/opt/pg/bin/pg_dump');
		expect(findPgTool('pg_dump', {}, join(work, 'no-such-root'))).toBe('pg_dump');
	});
});

describe('PGlite backup and restore', () => {
	it('restores into a fresh data folder with the same rows, and never over an existing database', async () => {
		const source = join(work, 'source');
		const original = await openDatabase({ dataDir: source });
		await migrateToLatest(original.db);
		await writeRows(original.db);
		const before = await snapshot(original.db);
		await original.close();

		const file = join(work, 'pglite.tar.gz');
		await backupPGlite(source, file);
		const target = join(work, 'target');
		await restorePGlite(file, target);
		const restored = await openDatabase({ dataDir: target });
		try {
			expect(await snapshot(restored.db)).toEqual(before);
		} finally {
			await restored.close();
		}
		await expect(restorePGlite(file, source)).rejects.toThrow(/not empty/);
	}, 300_000);
});

describe.skipIf(!process.env.DATABASE_URL)('PostgreSQL backup and restore', () => {
	const url = process.env.DATABASE_URL ?? '';
	const names = [`mc_it_bk_${randomBytes(5).toString('hex')}`, `mc_it_rs_${randomBytes(5).toString('hex')}`];
	const admin = async (statement: string) => {
		const client = new pg.Client({ connectionString: maintenanceUrl(url) });
		await client.connect();
		try {
			await client.query(statement);
		} finally {
			await client.end();
		}
	};
	afterAll(async () => {
		for (const name of names) await admin(`drop database if exists "${name}" with (force)`);
	});

	it('pg_dump then pg_restore into a fresh database finds the same rows', async () => {
		for (const name of names) await admin(`create database "${name}"`);
		const sourceUrl = databaseUrl(url, names[0]);
		const targetUrl = databaseUrl(url, names[1]);
		const original = await openDatabase({ url: sourceUrl, poolSize: 2 });
		let before;
		try {
			await migrateToLatest(original.db);
			await writeRows(original.db);
			before = await snapshot(original.db);
		} finally {
			await original.close();
		}
		const file = join(work, 'postgres.dump');
		await backupPostgres(sourceUrl, file);
		await restorePostgres(targetUrl, file);
		const restored = await openDatabase({ url: targetUrl, poolSize: 2 });
		try {
			expect(await snapshot(restored.db)).toEqual(before);
		} finally {
			await restored.close();
		}
	}, 300_000);
});
