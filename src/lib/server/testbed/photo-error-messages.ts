// The translated messages of the resource photo error codes (spread into http/errors.ts).
import * as m from '$lib/paraglide/messages';

export const resourcePhotoErrorMessages = {
	resource_photo_too_large: (p, o) => m.resource_photo_error_too_large({ mb: String(p.mb ?? 8) }, o),
	resource_photo_not_image: (_p, o) => m.resource_photo_error_not_image({}, o),
	resource_photo_dimensions: (p, o) => m.resource_photo_error_dimensions({ max: String(p.max ?? 8000) }, o),
	resource_photo_too_many: (p, o) => m.resource_photo_error_too_many({ max: String(p.max ?? 12) }, o)
} satisfies Record<string, (p: Record<string, string | number>, o?: { locale: 'ko' | 'en' }) => string>;
