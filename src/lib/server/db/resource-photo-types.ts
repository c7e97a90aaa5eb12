// Table types of resource photos (migrations/20261206T0300_resource_photos.ts).
import type { ColumnType, Generated, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface ResourcePhotosTable {
	id: Generated<string>;
	resource_id: string;
	position: number;
	alt_ko: string;
	alt_en: string;
	content_type: 'image/webp';
	bytes: Uint8Array;
	thumb_bytes: Uint8Array;
	width: number;
	height: number;
	created_by: string | null;
	created_at: CreatedAt;
}

export type ResourcePhotoRow = Selectable<ResourcePhotosTable>;
