// Queries of testing-service requests: rows, their quote lines, attachments and messages.
import { sql } from 'kysely';
import type { Executor } from '../db';
import type { TestRequestStatus, TestStandard } from '../db/test-services-types';

export type NewRequest = {
	orgId: string;
	facilityId: string;
	requestedBy: string;
	standard: TestStandard;
	standardOther: string | null;
	sampleCount: number;
	notes: string;
};

export function insertRequest(db: Executor, r: NewRequest) {
	return db
		.insertInto('test_requests')
		.values({
			org_id: r.orgId,
			facility_id: r.facilityId,
			requested_by: r.requestedBy,
			standard: r.standard,
			standard_other: r.standardOther,
			sample_count: r.sampleCount,
			notes: r.notes
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** The row locked for the rest of the transaction, so two transitions of one request run one after the other. */
export function lockRequest(db: Executor, id: string) {
	return db.selectFrom('test_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findRequest(db: Executor, id: string) {
	return db
		.selectFrom('test_requests as t')
		.innerJoin('facilities as f', 'f.id', 't.facility_id')
		.innerJoin('organizations as o', 'o.id', 't.org_id')
		.selectAll('t')
		.select(['f.slug as facility_slug', 'f.name_ko as facility_name_ko', 'f.name_en as facility_name_en'])
		.select(['o.slug as org_slug', 'o.name_ko as org_name_ko', 'o.name_en as org_name_en'])
		.where('t.id', '=', id)
		.executeTakeFirst();
}

export function updateRequest(
	db: Executor,
	id: string,
	values: Partial<{
		status: TestRequestStatus;
		turnaround_days: number;
		vat_krw: number;
		total_krw: number;
		quoted_by: string;
		quoted_at: Date;
		decided_by: string;
		decided_at: Date;
		received_at: Date;
		due_at: Date;
		delivered_at: Date;
		report_upload_id: string;
		cancelled_by: string;
		cancelled_at: Date;
		cancel_reason: string;
		cancelled_by_facility: boolean;
	}>
) {
	return db
		.updateTable('test_requests')
		.set({ ...values, updated_at: sql`now()` })
		.where('id', '=', id)
		.returningAll()
		.executeTakeFirstOrThrow();
}

export type QuoteLine = { label: string; quantity: number; unitPriceKrw: number };

export async function replaceQuoteLines(db: Executor, requestId: string, lines: QuoteLine[]) {
	await db.deleteFrom('test_request_quote_lines').where('request_id', '=', requestId).execute();
	await db
		.insertInto('test_request_quote_lines')
		.values(
			lines.map((l, position) => ({
				request_id: requestId,
				position,
				label: l.label,
				quantity: l.quantity,
				unit_price_krw: l.unitPriceKrw
			}))
		)
		.execute();
}

export function listQuoteLines(db: Executor, requestId: string) {
	return db
		.selectFrom('test_request_quote_lines')
		.select(['label', 'quantity', 'unit_price_krw'])
		.where('request_id', '=', requestId)
		.orderBy('position')
		.execute();
}

export function listMessages(db: Executor, requestId: string) {
	return db
		.selectFrom('test_request_messages as m')
		.leftJoin('users as u', 'u.id', 'm.author_id')
		.select(['m.id', 'm.body', 'm.created_at', 'u.name as author_name'])
		.where('m.request_id', '=', requestId)
		.orderBy('m.created_at')
		.orderBy('m.id')
		.execute();
}

export function insertMessage(db: Executor, requestId: string, authorId: string, body: string) {
	return db
		.insertInto('test_request_messages')
		.values({ request_id: requestId, author_id: authorId, body })
		.returning(['id', 'created_at'])
		.executeTakeFirstOrThrow();
}

/** Requests of the organisations the user belongs to, or of the given facilities; newest first. */
export function listRequests(db: Executor, scope: { orgIds: string[] } | { facilityIds: string[] }) {
	const ids = 'orgIds' in scope ? scope.orgIds : scope.facilityIds;
	if (ids.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('test_requests as t')
		.innerJoin('facilities as f', 'f.id', 't.facility_id')
		.innerJoin('organizations as o', 'o.id', 't.org_id')
		.select(['t.id', 't.standard', 't.standard_other', 't.status', 't.total_krw', 't.due_at', 't.created_at'])
		.select('t.cancelled_by_facility')
		.select(['f.name_ko as facility_name_ko', 'f.name_en as facility_name_en'])
		.select(['o.name_ko as org_name_ko', 'o.name_en as org_name_en'])
		.where('orgIds' in scope ? 't.org_id' : 't.facility_id', 'in', ids)
		.orderBy('t.created_at', 'desc')
		.limit(200)
		.execute();
}
