// The forms of resource photo management: upload with alt text, alt text, move, remove.
import { z } from 'zod';
import * as m from '$lib/paraglide/messages';
import { text } from '$lib/server/http/text';
import { idParam } from './schemas';

// Alt text is what a screen reader says instead of the photo: required in both languages.
const alt = (required: () => string) =>
	text()
		.trim()
		.min(1, { error: required })
		.max(300, { error: () => m.resource_photo_alt_too_long({ max: '300' }) });

const altFields = {
	alt_ko: alt(() => m.resource_photo_alt_ko_required()),
	alt_en: alt(() => m.resource_photo_alt_en_required())
};

export const photoUploadForm = z.object({
	photo: z
		.instanceof(File, { error: () => m.resource_photo_file_required() })
		.refine((file) => file.size > 0, { error: () => m.resource_photo_file_required() }),
	...altFields
});

export const photoAltForm = z.object({ photo: idParam, ...altFields });
export const photoMoveForm = z.object({ photo: idParam, direction: z.enum(['up', 'down']) });
export const photoRemoveForm = z.object({ photo: idParam });
