// What the API answers about testing-service requests: plain JSON, amounts in whole won.
import { z } from 'zod';
import type { TestRequestRow } from '../db/test-services-types';

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
	createdAt: z.iso.datetime()
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
		createdAt: r.created_at.toISOString()
	};
}
