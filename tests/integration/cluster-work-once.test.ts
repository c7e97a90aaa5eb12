// Background work runs once across nodes: two "nodes" (two connection pools on one database, as two
// processes would have) claim the e-mail outbox and due jobs at the same time; every row is taken by
// exactly one of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from './support/database';
import { openDatabase, type Database } from '$lib/server/db/connect';
import { claimQueuedEmails, enqueueEmail } from '$lib/server/notify/repository';
import { createJobRunner, type JobHandler } from '$lib/server/jobs/runner';
import { enqueueJob } from '$lib/server/jobs/repository';

describe.skipIf(!process.env.DATABASE_URL)('work claimed by two nodes', () => {
	let database: TestDatabase;
	let nodes: Database[];

	beforeAll(async () => {
		database = await createTestDatabase();
		const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(database.db);
		const url = new URL(process.env.DATABASE_URL!);
		url.pathname = `/${rows[0]!.name}`;
		nodes = [await openDatabase({ url: url.href, poolSize: 4 }), await openDatabase({ url: url.href, poolSize: 4 })];
	});
	afterAll(async () => {
		for (const node of nodes) await node.close();
		await database.close();
	});

	it('sends each queued e-mail from one node only', async () => {
		for (let i = 0; i < 60; i++)
			await enqueueEmail(database.db, { to: `person${i}@example.org`, subject: `n${i}`, body: 'x', status: 'queued' });
		const claimed: string[][] = [[], []];
		await Promise.all(
			nodes.map(async (node, n) => {
				for (;;) {
					const batch = await claimQueuedEmails(node.db, 7);
					if (batch.length === 0) return;
					claimed[n]!.push(...batch.map((email) => email.id));
				}
			})
		);
		const all = [...claimed[0]!, ...claimed[1]!];
		expect(all).toHaveLength(60);
		expect(new Set(all).size).toBe(60);
	});

	it('runs each due job on one node only', async () => {
		const name = `once-${crypto.randomUUID()}`;
		const now = new Date();
		for (let i = 0; i < 30; i++)
			await enqueueJob(database.db, { name, key: `${name}:${i}`, payload: { i }, runAt: now });
		const ran: number[] = [];
		const handler: JobHandler = async ({ job }) => void ran.push(job.payload.i as number);
		await Promise.all(
			nodes.map((node, n) =>
				createJobRunner({
					db: node.db,
					handlers: { [name]: handler },
					origin: 'http://127.0.0.1',
					workerId: `node-${n}`,
					batch: 4
				}).runDue(now)
			)
		);
		expect(ran.sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i));
	});
});
