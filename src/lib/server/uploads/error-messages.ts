// The translated messages of the upload error codes (spread into http/errors.ts).
import * as m from '$lib/paraglide/messages';

export const uploadErrorMessages = {
	upload_not_pdf: (p, o) => m.upload_error_not_pdf({ name: String(p.name ?? '') }, o),
	upload_too_large: (p, o) => m.upload_error_too_large({ name: String(p.name ?? ''), max: String(p.max ?? '') }, o),
	upload_too_many: (p, o) => m.upload_error_too_many({ max: String(p.max ?? '') }, o),
	upload_empty: (p, o) => m.upload_error_empty({ name: String(p.name ?? '') }, o),
	upload_none: (_p, o) => m.upload_error_none({}, o)
} satisfies Record<string, (p: Record<string, string | number>, o?: { locale: 'ko' | 'en' }) => string>;
