// Demo testing-service requests of the demo startup (pulsewise) at the Wonju IoMT Open Lab: one quoted
// and waiting for startup-admin@'s decision, one approved last month with its report delivered (a small
// PDF made with pdfkit, as the statements are). Written once: a second run finds them and changes nothing.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../db/types';
import { createPdf } from '../statements/pdf-kit';
import { quoteTotals } from '../testservices/quote';

type Ids = { orgIds: Map<string, string>; userIds: Map<string, string> };
const DAY = 86_400_000;
const LINES = [
	{ label: 'IEC 60601-1 basic safety and essential performance', quantity: 1, unitPriceKrw: 3_500_000 },
	{ label: 'Test report (Korean and English)', quantity: 1, unitPriceKrw: 300_000 }
];

async function reportPdf(): Promise<Buffer> {
	const { doc, done } = createPdf('Test report — IEC 62304');
	doc.font('bold').fontSize(16).text('시험 성적서 / Test report');
	doc.moveDown().font('regular').fontSize(11).text('IEC 62304 software life-cycle review: no nonconformities found.');
	doc.end();
	return done;
}

export async function seedTestServices(trx: Transaction<DB>, { orgIds, userIds }: Ids) {
	const orgId = orgIds.get('pulsewise');
	const requester = userIds.get('startup@medcluster.example');
	const admin = userIds.get('startup-admin@medcluster.example');
	const manager = userIds.get('facility@medcluster.example');
	const facility = await trx
		.selectFrom('facilities')
		.select('id')
		.where('slug', '=', 'wonju-iomt-open-lab')
		.executeTakeFirst();
	if (!orgId || !requester || !admin || !manager || !facility) return;
	const seeded = await trx.selectFrom('test_requests').select('id').where('org_id', '=', orgId).executeTakeFirst();
	if (seeded) return;
	const now = Date.now();
	const totals = quoteTotals(LINES);
	const base = { org_id: orgId, facility_id: facility.id, requested_by: requester, sample_count: 2 };
	const quote = { turnaround_days: 21, vat_krw: totals.vatKrw, total_krw: totals.totalKrw, quoted_by: manager };
	const quoted = await trx
		.insertInto('test_requests')
		.values({
			...base,
			...quote,
			standard: 'iec_60601_1',
			notes: 'Wearable ECG patch, rev. C',
			status: 'quoted',
			quoted_at: new Date(now - 2 * DAY)
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const bytes = await reportPdf();
	const upload = await trx
		.insertInto('uploads')
		.values({
			org_id: orgId,
			purpose: 'test_report',
			content_type: 'application/pdf',
			size_bytes: bytes.byteLength,
			bytes,
			filename: 'iec-62304-report.pdf',
			sha256: createHash('sha256').update(bytes).digest('hex'),
			created_by: manager
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const received = new Date(now - 30 * DAY);
	const delivered = await trx
		.insertInto('test_requests')
		.values({
			...base,
			...quote,
			standard: 'iec_62304',
			notes: 'Arrhythmia detection software 2.1',
			status: 'delivered',
			quoted_at: new Date(now - 35 * DAY),
			decided_by: admin,
			decided_at: new Date(now - 33 * DAY),
			received_at: received,
			due_at: new Date(received.getTime() + 21 * DAY),
			delivered_at: new Date(now - 12 * DAY),
			report_upload_id: upload.id
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	for (const id of [quoted.id, delivered.id])
		await trx
			.insertInto('test_request_quote_lines')
			.values(
				LINES.map((l, position) => ({
					request_id: id,
					position,
					label: l.label,
					quantity: l.quantity,
					unit_price_krw: l.unitPriceKrw
				}))
			)
			.execute();
	await trx
		.insertInto('test_request_messages')
		.values({ request_id: quoted.id, author_id: manager, body: 'Please send two samples with their IFU.' })
		.execute();
}
