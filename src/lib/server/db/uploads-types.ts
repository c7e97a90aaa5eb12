// Table types of attachment links (migrations/20261123T0950_uploads.ts); the uploads table itself is
// in directory-types.ts, where it began.

export interface NeedAttachmentsTable {
	need_id: string;
	upload_id: string;
}

export interface NeedResponseAttachmentsTable {
	response_id: string;
	upload_id: string;
}
