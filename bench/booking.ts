// `npm run bench -- booking`: booking throughput and p95 latency with 32 concurrent clients calling the
// booking service, and p95 of a one-month availability query over 50 resources, on a scratch
// PostgreSQL database (created and dropped here). Prints one JSON document. Talks only to 127.0.0.1.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { createBooking } from '../src/lib/server/testbed/booking-create';
import { getAvailability } from '../src/lib/server/testbed/availability';
import { listHours, listResources, listTakenIntervals } from '../src/lib/server/testbed/repository';
import { DomainError } from '../src/lib/server/errors';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CLIENTS = 32;
const BOOKINGS_PER_CLIENT = 40;
const RESOURCES = 50;
const AVAILABILITY_RUNS = 60;

if (!['127.0.0.1', 'localhost'].includes(new URL(SERVER).hostname))
	throw new Error('The benchmark only talks to 127.0.0.1');
const name = `mc_bench_${randomBytes(4).toString('hex')}`;
const admin = (sql: string) => {
	const c = new pg.Client({ connectionString: SERVER });
	return c
		.connect()
		.then(() => c.query(sql))
		.finally(() => c.end());
};
const percentile = (xs: number[], p: number) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const p95 = (xs: number[]) => percentile(xs, 0.95);
const round = (x: number) => Math.round(x * 100) / 100;

await admin(`create database "${name}"`);
const url = new URL(SERVER);
url.pathname = `/${name}`;
const database = await openDatabase({ url: url.href, poolSize: CLIENTS });
try {
	const db = database.db;
	await migrateToLatest(db);
	const org = await db
		.insertInto('organizations')
		.values({
			slug: 'bench-lab',
			kind: 'agency',
			name_ko: '벤치 랩',
			name_en: 'Bench lab',
			website: null,
			founded_year: null,
			status: 'verified',
			status_reason: null,
			created_by: null,
			verified_at: new Date()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const facility = await db
		.insertInto('facilities')
		.values({ slug: 'bench', org_id: org.id, name_ko: '벤치', name_en: 'Bench' })
		.returning('id')
		.executeTakeFirstOrThrow();
	const resources = await db
		.insertInto('resources')
		.values(
			Array.from({ length: RESOURCES }, (_, i) => ({
				facility_id: facility.id,
				slug: `r-${i}`,
				kind: 'equipment' as const,
				name_ko: `장비 ${i}`,
				name_en: `Resource ${i}`,
				slot_minutes: 60,
				min_minutes: 60,
				max_minutes: 240,
				min_notice_minutes: 0,
				max_horizon_days: 365
			}))
		)
		.returning('id')
		.execute();
	await db
		.insertInto('resource_hours')
		.values(
			resources.flatMap((r) =>
				[0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ resource_id: r.id, weekday, opens: '00:00', closes: '24:00' }))
			)
		)
		.execute();
	const clients = [];
	for (let i = 0; i < CLIENTS; i++) {
		const company = await db
			.insertInto('organizations')
			.values({
				slug: `company-${i}`,
				kind: 'company',
				name_ko: `기업 ${i}`,
				name_en: `Company ${i}`,
				website: null,
				founded_year: null,
				status: 'verified',
				status_reason: null,
				created_by: null,
				verified_at: new Date()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const user = await db
			.insertInto('users')
			.values({
				email: `u${i}@bench.test`,
				password_hash: 'x',
				name: `User ${i}`,
				email_verified_at: new Date(),
				disabled_at: null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db.insertInto('memberships').values({ org_id: company.id, user_id: user.id, role: 'member' }).execute();
		clients.push({ id: user.id, isOperator: false });
	}
	// Tomorrow 00:00 UTC onwards: each client mostly takes its own hours, and sometimes a neighbour's (a conflict).
	const base = Math.ceil(Date.now() / 86_400_000) * 86_400_000 + 86_400_000;
	const latencies: number[] = [];
	let created = 0;
	let conflicts = 0;
	const started = performance.now();
	await Promise.all(
		clients.map(async (actor, c) => {
			for (let k = 0; k < BOOKINGS_PER_CLIENT; k++) {
				const resource = resources[(c + k) % RESOURCES];
				const hour = k % 7 === 6 ? c + k - 1 : c + k * CLIENTS;
				const start = new Date(base + hour * 3_600_000);
				const t0 = performance.now();
				try {
					await createBooking(
						db,
						actor,
						{ resourceId: resource.id, start, end: new Date(start.getTime() + 3_600_000), purpose: 'bench' },
						{ ip: null, origin: 'http://127.0.0.1' }
					);
					created++;
				} catch (error) {
					if (!(error instanceof DomainError)) throw error;
					conflicts++;
				}
				latencies.push(performance.now() - t0);
			}
		})
	);
	const seconds = (performance.now() - started) / 1000;
	const withFacility = await listResources(db, {});
	const monthFrom = new Date(base);
	const monthTo = new Date(base + 31 * 86_400_000);
	const availability: number[] = [];
	for (let i = 0; i < AVAILABILITY_RUNS; i++) {
		const t0 = performance.now();
		await getAvailability(db, withFacility, monthFrom, monthTo, new Date(base - 86_400_000));
		availability.push(performance.now() - t0);
	}
	// The same two queries alone: what is left of the p95 above is computation.
	const ids = withFacility.map((r) => r.id);
	const queries: number[] = [];
	for (let i = 0; i < AVAILABILITY_RUNS; i++) {
		const t0 = performance.now();
		await Promise.all([listHours(db, ids), listTakenIntervals(db, ids, monthFrom, monthTo)]);
		queries.push(performance.now() - t0);
	}
	console.log(
		JSON.stringify(
			{
				benchmark: 'booking',
				database: 'postgresql (scratch, 127.0.0.1)',
				clients: CLIENTS,
				attempts: latencies.length,
				created,
				refused: conflicts,
				bookingsPerSecond: round(created / seconds),
				requestsPerSecond: round(latencies.length / seconds),
				bookingLatencyMs: { p50: round(percentile(latencies, 0.5)), p95: round(p95(latencies)) },
				availabilityMonth50ResourcesMs: {
					runs: AVAILABILITY_RUNS,
					p50: round(percentile(availability, 0.5)),
					p95: round(p95(availability)),
					queriesOnlyP95: round(p95(queries)),
					targetP95: 30,
					met: p95(availability) < 30
				}
			},
			null,
			2
		)
	);
} finally {
	await database.close();
	await admin(`drop database if exists "${name}" with (force)`);
}
