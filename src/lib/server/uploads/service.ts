// Private PDF uploads: checked (PDF signature, size) and stored with their row in PostgreSQL, so an
// upload commits or rolls back with the record it belongs to. Callers decide who may read one
// BEFORE calling uploadResponse; nothing is served from a static path.
import { createHash } from 'node:crypto';
import type { Executor } from '../db';
import type { UploadPurpose } from '../db/directory-types';
import { DomainError, NotFoundError } from '../errors';

export const MB = 1024 * 1024;

/** A browser sends an empty, nameless File for a file input left blank. */
export function isFilled(file: unknown): file is File {
	return file instanceof File && (file.size > 0 || file.name !== '');
}

/** PDF readers accept the header anywhere in the first 1024 bytes (ISO 32000-1, 7.5.2). */
export function looksLikePdf(bytes: Uint8Array): boolean {
	return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

/** A display name safe for a header and a page: no path, no control characters, ends in .pdf. */
export function cleanFilename(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	// eslint-disable-next-line no-control-regex
	const cleaned =
		base
			.replace(/[\u0000-\u001f\u007f"]/g, '')
			.trim()
			.slice(0, 180) || 'document';
	return /\.pdf$/i.test(cleaned) ? cleaned : `${cleaned}.pdf`;
}

export type StoredUpload = { id: string; filename: string; size_bytes: number };
export type StorePdfInput = {
	ownerId: string;
	orgId?: string | null;
	purpose: Exclude<UploadPurpose, 'logo'>;
	file: File;
	maxBytes: number;
};

/** Checks a PDF and records it with `db` (the caller's transaction, when it links the upload to a record). */
export async function storePdf(db: Executor, input: StorePdfInput): Promise<StoredUpload> {
	const { file, maxBytes } = input;
	const name = cleanFilename(file.name);
	if (file.size === 0) throw new DomainError('upload_empty', 422, { name });
	if (file.size > maxBytes) throw new DomainError('upload_too_large', 413, { name, max: Math.round(maxBytes / MB) });
	const bytes = new Uint8Array(await file.arrayBuffer());
	if (!looksLikePdf(bytes)) throw new DomainError('upload_not_pdf', 422, { name });
	return db
		.insertInto('uploads')
		.values({
			org_id: input.orgId ?? null,
			purpose: input.purpose,
			content_type: 'application/pdf',
			size_bytes: bytes.byteLength,
			bytes,
			filename: name,
			sha256: createHash('sha256').update(bytes).digest('hex'),
			created_by: input.ownerId
		})
		.returning(['id', 'filename', 'size_bytes'])
		.executeTakeFirstOrThrow();
}

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name, so Korean names survive. */
export function contentDisposition(filename: string): string {
	const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** A stored PDF as a download. The caller has already checked that the asker may read it. */
export async function uploadResponse(db: Executor, uploadId: string): Promise<Response> {
	const row = await db
		.selectFrom('uploads')
		.select(['bytes', 'size_bytes', 'filename'])
		.where('id', '=', uploadId)
		.where('content_type', '=', 'application/pdf')
		.executeTakeFirst();
	if (!row) throw new NotFoundError();
	return new Response(new Uint8Array(row.bytes), {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(row.size_bytes),
			'content-disposition': contentDisposition(row.filename || 'document.pdf'),
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'; sandbox",
			'cache-control': 'private, no-store'
		}
	});
}

/** Forgets an upload inside the caller's transaction (the caller has checked ownership). */
export async function deleteUpload(db: Executor, uploadId: string): Promise<void> {
	await db.deleteFrom('uploads').where('id', '=', uploadId).execute();
}
