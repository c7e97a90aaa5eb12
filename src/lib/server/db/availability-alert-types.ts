// Table types of availability alerts and slot holds (migrations/20261207T0200_availability_alerts.ts).
import type { ColumnType, Generated, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type TstzRange = ColumnType<string, string, string>;

export type AvailabilityAlertStatus = 'active' | 'cancelled' | 'fulfilled';
export type SlotHoldStatus = 'offered' | 'booked' | 'expired' | 'released';

export interface AvailabilityAlertsTable {
	id: Generated<string>;
	resource_id: string;
	user_id: string;
	org_id: string;
	starts_at: Date;
	ends_at: Date;
	min_minutes: number | null;
	status: ColumnType<AvailabilityAlertStatus, AvailabilityAlertStatus | undefined, AvailabilityAlertStatus>;
	created_at: CreatedAt;
	closed_at: Date | null;
}

export interface SlotHoldsTable {
	id: Generated<string>;
	alert_id: string;
	resource_id: string;
	user_id: string;
	during: TstzRange;
	status: ColumnType<SlotHoldStatus, SlotHoldStatus | undefined, SlotHoldStatus>;
	expires_at: Date;
	created_at: CreatedAt;
	closed_at: Date | null;
}

export type AvailabilityAlertRow = Selectable<AvailabilityAlertsTable>;
export type SlotHoldRow = Selectable<SlotHoldsTable>;
