import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { throwLoadError } from '$lib/server/app/errors';
import { findCertificateBySerial, isCertificateValid } from '$lib/server/courses/certificates';

// Public: whoever holds the serial (printed with a QR code on the certificate) may check it.
export const load = (async ({ params, locals }) => {
	const certificate = await findCertificateBySerial(getDb(), params.serial.toUpperCase());
	if (!certificate) throwLoadError(new NotFoundError());
	const now = new Date();
	const c = certificate;
	return {
		certificate: {
			serial: c.serial,
			holder: c.holder,
			course_slug: c.course_slug,
			title_ko: c.title_ko,
			title_en: c.title_en,
			label_ko: c.label_ko,
			label_en: c.label_en,
			provider_name_ko: c.provider_name_ko,
			provider_name_en: c.provider_name_en,
			issued_at: c.issued_at.toISOString(),
			expires_at: c.expires_at?.toISOString() ?? null,
			revoked_at: c.revoked_at?.toISOString() ?? null,
			revoked_reason: c.revoked_reason,
			valid: isCertificateValid(c, now)
		},
		// The download link is for the holder; the PDF route checks again (and lets managers in).
		isHolder: locals.user?.id === c.holder_id
	};
}) satisfies PageServerLoad;
