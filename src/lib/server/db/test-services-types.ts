// Table types of testing services (migrations/20261207T0100_test_services.ts, 20261208T0100_test_request_cancel.ts).
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export const TEST_STANDARDS = ['iec_60601_1', 'iec_60601_1_2', 'iec_62304', 'iso_10993', 'iso_14971', 'other'] as const;
export type TestStandard = (typeof TEST_STANDARDS)[number];
export type TestRequestStatus =
	'requested' | 'quoted' | 'approved' | 'declined' | 'received' | 'in_progress' | 'delivered' | 'cancelled';

export interface TestRequestsTable {
	id: Generated<string>;
	org_id: string;
	facility_id: string;
	requested_by: string | null;
	standard: TestStandard;
	standard_other: string | null;
	sample_count: number;
	notes: Generated<string>;
	status: Generated<TestRequestStatus>;
	turnaround_days: number | null;
	vat_krw: number | null;
	total_krw: number | null;
	quoted_by: string | null;
	quoted_at: Timestamp | null;
	decided_by: string | null;
	decided_at: Timestamp | null;
	received_at: Timestamp | null;
	due_at: Timestamp | null;
	delivered_at: Timestamp | null;
	report_upload_id: string | null;
	cancelled_by: string | null;
	cancelled_at: Timestamp | null;
	cancel_reason: Generated<string>;
	cancelled_by_facility: Generated<boolean>;
	created_at: CreatedAt;
	updated_at: Generated<Timestamp>;
}

export interface TestRequestQuoteLinesTable {
	id: Generated<string>;
	request_id: string;
	position: number;
	label: string;
	quantity: number;
	unit_price_krw: number;
}

export interface TestRequestAttachmentsTable {
	request_id: string;
	upload_id: string;
	added_at: Generated<Timestamp>;
}

export interface TestRequestMessagesTable {
	id: Generated<string>;
	request_id: string;
	author_id: string | null;
	body: string;
	created_at: CreatedAt;
}

export type TestRequestRow = Selectable<TestRequestsTable>;
