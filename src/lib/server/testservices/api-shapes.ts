// What the API answers about testing-service requests: plain JSON, amounts in whole won.
import { z } from 'zod';
import type { TestRequestRow } from '../db/test-services-types';
import { attachmentUrl, type RequestAttachment } from './attachment-files';

export const requestSchema = z.object({
	id: z.uuid(),
	orgId: z.uuid(),
	facilityId: z.uuid(),
	standard: z.string(),
	standardOther: z.string().nullable(),
	sampleCount: z.number().int(),
	notes: z.string(),
	status: z.string(),
	turnaroundDays: z.number().int().nullable(),
	vatKrw: z.number().int().nullable(),
	totalKrw: z.number().int().nullable(),
	dueAt: z.iso.datetime().nullable(),
	deliveredAt: z.iso.datetime().nullable(),
	hasReport: z.boolean(),
	cancelledAt: z.iso.datetime().nullable(),
	cancelReason: z.string(),
	cancelledByFacility: z.boolean(),
	createdAt: z.iso.datetime()
});

export const attachmentSchema = z.object({
	id: z.uuid(),
	filename: z.string(),
	sizeBytes: z.number().int(),
	createdAt: z.iso.datetime(),
	url: z.string()
});

/** One request as GET /test-requests/{id} answers it: with its quote lines, attachments and thread. */
export const requestDetailSchema = requestSchema.extend({
	lines: z.array(z.object({ label: z.string(), quantity: z.number().int(), unitPriceKrw: z.number().int() })),
	attachments: z.array(attachmentSchema),
	messages: z.array(
		z.object({ id: z.uuid(), body: z.string(), author: z.string().nullable(), createdAt: z.iso.datetime() })
	)
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function requestJson(r: TestRequestRow) {
	return {
		id: r.id,
		orgId: r.org_id,
		facilityId: r.facility_id,
		standard: r.standard,
		standardOther: r.standard_other,
		sampleCount: r.sample_count,
		notes: r.notes,
		status: r.status,
		turnaroundDays: r.turnaround_days,
		vatKrw: r.vat_krw,
		totalKrw: r.total_krw,
		dueAt: iso(r.due_at),
		deliveredAt: iso(r.delivered_at),
		hasReport: r.report_upload_id !== null,
		cancelledAt: iso(r.cancelled_at),
		cancelReason: r.cancel_reason,
		cancelledByFacility: r.cancelled_by_facility,
		createdAt: r.created_at.toISOString()
	};
}

export function attachmentJson(requestId: string, a: RequestAttachment) {
	return {
		id: a.id,
		filename: a.filename,
		sizeBytes: a.size_bytes,
		createdAt: a.created_at.toISOString(),
		url: attachmentUrl(requestId, a.id)
	};
}
