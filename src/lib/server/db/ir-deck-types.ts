// Table types of the deck room (migrations/20261207T0400_deck_room.ts).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type IrDeckRenderStatus = 'pending' | 'ready' | 'failed';

export interface IrDeckRendersTable {
	upload_id: string;
	event_id: string;
	status: Generated<IrDeckRenderStatus>;
	page_count: number | null;
	created_at: CreatedAt;
	rendered_at: Timestamp | null;
}

export interface IrDeckPageViewsTable {
	upload_id: string;
	event_id: string;
	user_id: string;
	page: number;
	deck_pages: number;
	seconds: Generated<number>;
	first_seen_at: Generated<Date>;
	last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface IrDeckPagesTable {
	upload_id: string;
	page: number;
	bytes: Uint8Array;
}
