import { error } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { isCourseManager } from '$lib/server/courses/access';
import { findCertificateBySerial } from '$lib/server/courses/certificates';
import { renderCertificatePdf } from '$lib/server/courses/certificate-pdf';

// The PDF itself only for its holder and the course's managers; anyone may verify the serial.
export const GET: RequestHandler = async ({ params, locals, url }) => {
	const user = locals.user;
	if (!user) error(401, m.error_unauthenticated());
	const db = getDb();
	const certificate = await findCertificateBySerial(db, params.serial.toUpperCase());
	if (!certificate || (certificate.holder_id !== user.id && !(await isCourseManager(db, user, certificate.course_id))))
		error(404, m.error_not_found());
	const pdf = await renderCertificatePdf(certificate, new URL(`/certificates/${certificate.serial}`, url.origin).href);
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="certificate-${certificate.serial}.pdf"`,
			'cache-control': 'private, no-store'
		}
	});
};
