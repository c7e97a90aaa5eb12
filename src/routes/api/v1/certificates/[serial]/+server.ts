import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { publicEndpoint } from '$lib/server/app/api';
import { NotFoundError } from '$lib/server/errors';
import { findCertificateBySerial } from '$lib/server/courses/certificates';
import { certificateJson } from '$lib/server/courses/api-shapes';

/** Public verification: anybody holding a serial may check it. */
export const GET: RequestHandler = publicEndpoint(async ({ params }) => {
	const certificate = await findCertificateBySerial(getDb(), params.serial.toUpperCase());
	if (!certificate) throw new NotFoundError();
	return json(certificateJson(certificate, new Date()));
});
