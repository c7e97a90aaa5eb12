// Monthly statements (page numbers, CSV, PDF), the evidence pack and GET /api/v1/vouchers: the sums
// are right, the files say what the page says, and nobody reads another organisation's money.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { NotFoundError } from '$lib/server/errors';
import { createLogger } from '$lib/server/logger';
import { buildOpenApiDocument } from '$lib/server/app/openapi';
import { createBooking } from '$lib/server/testbed/booking-create';
import { cancelBooking } from '$lib/server/testbed/booking-transitions';
import { addDays } from '$lib/server/common/zoned-time';
import { enrol } from '$lib/server/courses/service';
import { getStatement } from '$lib/server/statements/service';
import { getEvidencePack } from '$lib/server/statements/evidence';
import { renderEvidencePdf } from '$lib/server/statements/evidence-pdf';
import { GET as statementCsv } from '../../src/routes/statements/[org]/statement.csv/+server';
import { GET as statementPdf } from '../../src/routes/statements/[org]/statement.pdf/+server';
import { GET as listVouchers } from '../../src/routes/api/v1/vouchers/+server';
import { closeRuntimeDatabase, openRuntimeDatabase } from './support/runtime-database';
import { NEXT_MONDAY, NOW, context, createBooker, createFacility, createResource, slot } from './testbed-support';
import { createCohort, createCourse, createProvider } from './courses-support';
import { grantVoucher } from './vouchers-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await openRuntimeDatabase();
	db = database.db;
});
afterAll(() => closeRuntimeDatabase(database));

type User = { id: string; email: string; name: string; is_operator: boolean };

function requestEvent(path: string, user: User | null, params: Record<string, string> = {}) {
	const url = new URL(path, 'http://127.0.0.1:3000');
	const sessionUser = user
		? {
				id: user.id,
				isOperator: user.is_operator,
				email: user.email,
				name: user.name,
				locale: 'en' as const,
				timeZone: 'Asia/Seoul',
				emailVerified: true
			}
		: null;
	return {
		url,
		request: new Request(url),
		params,
		locals: { user: sessionUser, timeZone: 'Asia/Seoul', log: createLogger('silent') },
		getClientAddress: () => '192.0.2.1'
	} as never;
}

/** RFC 4180 enough for our own output: quoted cells, doubled quotes, CRLF rows, a BOM. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	for (const line of text
		.replace(/^\uFEFF/, '')
		.split('\r\n')
		.filter((l, i, all) => i < all.length - 1 || l !== '')) {
		const cells: string[] = [];
		const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
		let match: RegExpExecArray | null;
		while ((match = re.exec(line)) && match[0] !== '') {
			cells.push(match[1].startsWith('"') ? match[1].slice(1, -1).replaceAll('""', '"') : match[1]);
			if (match[2] === '') break;
		}
		rows.push(cells);
	}
	return rows;
}

async function scenario() {
	const { facility, staff } = await createFacility(db);
	const r1 = await createResource(db, facility.id, { member_rate_krw: 30_000, nonmember_rate_krw: 50_000 });
	const r2 = await createResource(db, facility.id, { member_rate_krw: 12_000, nonmember_rate_krw: 20_000 });
	const a = await createBooker(db);
	const b = await createBooker(db);
	await grantVoucher(db, a.orgId, 300_000, new Date(NOW.getTime() + 365 * 86_400_000));
	// Paid by voucher: 1.5 h × 30,000.
	await createBooking(db, a.actor, { ...slot(r1.id, NEXT_MONDAY, 10, 1.5), payWithVoucher: true }, context, NOW);
	// Not paid: 2 h × 12,000.
	await createBooking(db, a.actor, slot(r2.id, addDays(NEXT_MONDAY, 1), 10, 2), context, NOW);
	// Paid, then cancelled: neither charged nor paid.
	const cancelled = await createBooking(
		db,
		a.actor,
		{ ...slot(r1.id, addDays(NEXT_MONDAY, 2), 10, 1), payWithVoucher: true },
		context,
		NOW
	);
	await cancelBooking(db, a.actor, cancelled.id, null, context, NOW);
	// Next month: not on March's statement.
	await createBooking(db, a.actor, slot(r1.id, addDays(NEXT_MONDAY, 28), 10, 1), context, NOW);
	// A course seat paid by voucher (enrolled on 2 March).
	const provider = await createProvider(db);
	const course = await createCourse(db, provider.org.id, { published: true });
	const cohort = await createCohort(db, course.id, { fee_krw: 150_000 });
	await enrol(db, a.actor, cohort.id, context, NOW, { payWithVoucher: true });
	// B books as a member, then loses its verification: it now pays the non-member rate (1 h × 50,000).
	await createBooking(db, b.actor, slot(r1.id, addDays(NEXT_MONDAY, 3), 10, 1), context, NOW);
	await db
		.updateTable('organizations')
		.set({ status: 'pending', verified_at: null })
		.where('id', '=', b.orgId)
		.execute();
	const orgA = await db.selectFrom('organizations').selectAll().where('id', '=', a.orgId).executeTakeFirstOrThrow();
	const orgB = await db.selectFrom('organizations').selectAll().where('id', '=', b.orgId).executeTakeFirstOrThrow();
	return { facility, staff, a, b, orgA, orgB };
}

describe('monthly statements', () => {
	it('sums hours × rate, course fees, what vouchers paid and what remains', async () => {
		const { a, orgA } = await scenario();
		const s = await getStatement(db, a.actor, { org: orgA.slug, month: '2026-03' });
		expect(s.bookings.map((b) => [b.hours, b.rateKrw, b.amountKrw, b.voucherPaidKrw, b.remainingKrw])).toEqual([
			[1.5, 30_000, 45_000, 45_000, 0],
			[2, 12_000, 24_000, 0, 24_000]
		]);
		expect(s.courses.map((c) => [c.amountKrw, c.voucherPaidKrw, c.remainingKrw])).toEqual([[150_000, 150_000, 0]]);
		expect(s.totals).toEqual({
			hours: 3.5,
			testbedKrw: 69_000,
			courseKrw: 150_000,
			testServiceKrw: 0,
			totalKrw: 219_000,
			voucherPaidKrw: 195_000,
			remainingKrw: 24_000
		});
		const april = await getStatement(db, a.actor, { org: orgA.slug, month: '2026-04' });
		expect(april.totals).toMatchObject({ hours: 1, testbedKrw: 30_000, voucherPaidKrw: 0, remainingKrw: 30_000 });
	});

	it('gives facility managers every organisation’s time at their facility, at each one’s rate', async () => {
		const { facility, staff, b, orgA, orgB } = await scenario();
		const s = await getStatement(
			db,
			{ id: staff.id, isOperator: false },
			{ facility: facility.slug, month: '2026-03' }
		);
		expect(s.bookings.map((x) => [x.org_slug, x.member, x.amountKrw])).toEqual([
			[orgA.slug, true, 45_000],
			[orgA.slug, true, 24_000],
			[orgB.slug, false, 50_000]
		]);
		expect(s.totals).toMatchObject({ testbedKrw: 119_000, courseKrw: 0, voucherPaidKrw: 45_000, remainingKrw: 74_000 });
		expect(s.courses).toEqual([]);
		// A booker is not a manager of the facility.
		await expect(getStatement(db, b.actor, { facility: facility.slug, month: '2026-03' })).rejects.toBeInstanceOf(
			NotFoundError
		);
	});

	it('writes the same numbers to the CSV as the page shows, and a PDF', async () => {
		const { a, orgA } = await scenario();
		const user = await db.selectFrom('users').selectAll().where('id', '=', a.user.id).executeTakeFirstOrThrow();
		const page = await getStatement(db, a.actor, { org: orgA.slug, month: '2026-03' });
		const response = await statementCsv(
			requestEvent(`/statements/${orgA.slug}/statement.csv?month=2026-03`, user, { org: orgA.slug })
		);
		expect(response.headers.get('content-type')).toMatch(/text\/csv/);
		const rows = parseCsv(await response.text());
		const totals = rows.slice(-6).map((r) => Number(r[1]));
		expect(totals).toEqual([
			page.totals.hours,
			page.totals.testbedKrw,
			page.totals.courseKrw,
			page.totals.totalKrw,
			page.totals.voucherPaidKrw,
			page.totals.remainingKrw
		]);
		// Each booking line: hours, rate, amount, paid by voucher, remaining — as on the page.
		const bookingLines = rows.filter((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(r[0]) && r.length === 8);
		expect(bookingLines.map((r) => r.slice(3).map(Number))).toEqual(
			page.bookings.map((b) => [b.hours, b.rateKrw, b.amountKrw, b.voucherPaidKrw, b.remainingKrw])
		);
		const pdf = await statementPdf(
			requestEvent(`/statements/${orgA.slug}/statement.pdf?month=2026-03`, user, { org: orgA.slug })
		);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		expect(
			Buffer.from(await pdf.arrayBuffer())
				.subarray(0, 5)
				.toString()
		).toBe('%PDF-');
	});

	it('answers 404 for another organisation’s statement, evidence pack and vouchers', async () => {
		const { a, b, orgA, orgB } = await scenario();
		await expect(getStatement(db, b.actor, { org: orgA.slug, month: '2026-03' })).rejects.toBeInstanceOf(NotFoundError);
		await expect(getEvidencePack(db, b.actor, orgA.slug)).rejects.toBeInstanceOf(NotFoundError);
		const intruder = await db.selectFrom('users').selectAll().where('id', '=', b.user.id).executeTakeFirstOrThrow();
		await expect(
			statementCsv(requestEvent(`/statements/${orgA.slug}/statement.csv?month=2026-03`, intruder, { org: orgA.slug }))
		).rejects.toMatchObject({ status: 404 });
		const api = await listVouchers(requestEvent(`/api/v1/vouchers?org=${orgA.slug}`, intruder));
		expect(api.status).toBe(404);
		expect((await api.json()).error.code).toBe('not_found');
		// Their own organisation works, and holds no voucher.
		expect(await (await listVouchers(requestEvent(`/api/v1/vouchers?org=${orgB.slug}`, intruder))).json()).toEqual({
			vouchers: []
		});
		expect(a.orgId).not.toBe(b.orgId);
	});
});

describe('GET /api/v1/vouchers', () => {
	it('lists the caller’s vouchers with balance and ledger, and is in the OpenAPI document', async () => {
		const { a, orgA } = await scenario();
		const user = await db.selectFrom('users').selectAll().where('id', '=', a.user.id).executeTakeFirstOrThrow();
		const response = await listVouchers(requestEvent('/api/v1/vouchers', user));
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body.vouchers).toHaveLength(1);
		expect(body.vouchers[0]).toMatchObject({
			organization: { slug: orgA.slug },
			amount_krw: 300_000,
			balance_krw: 300_000 - 45_000 - 150_000,
			state: 'live'
		});
		expect(body.vouchers[0].ledger.map((l: { kind: string }) => l.kind).sort()).toEqual([
			'issue',
			'refund',
			'spend',
			'spend',
			'spend'
		]);
		expect((await listVouchers(requestEvent('/api/v1/vouchers', null))).status).toBe(401);
		expect((await listVouchers(requestEvent('/api/v1/vouchers?org=Not%20A%20Slug', user))).status).toBe(400);
		const doc = buildOpenApiDocument('http://127.0.0.1:3000') as { paths: Record<string, Record<string, unknown>> };
		expect(doc.paths['/vouchers'].get).toBeDefined();
	});
});

describe('evidence pack', () => {
	it('lists the organisation’s used testbed hours and renders a PDF', async () => {
		const { a, orgA } = await scenario();
		// Only confirmed or completed bookings are evidence of use; all three still open ones are confirmed.
		const pack = await getEvidencePack(db, a.actor, orgA.slug);
		expect(pack.totals).toMatchObject({ bookings: 3, hours: 4.5, certificates: 0, irSessions: 0, needs: 0 });
		const pdf = await renderEvidencePdf(pack, 'ko', NOW);
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	});
});

describe('malformed addresses', () => {
	it('answer 404, not a database error', async () => {
		const operator = { id: '00000000-0000-4000-8000-000000000001', isOperator: true };
		await expect(getStatement(db, operator, { org: 'bad\u0000slug', month: '2026-03' })).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(getStatement(db, operator, { facility: '%ED%A0%80', month: '2026-03' })).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(getEvidencePack(db, operator, 'UPPER')).rejects.toBeInstanceOf(NotFoundError);
	});
});
