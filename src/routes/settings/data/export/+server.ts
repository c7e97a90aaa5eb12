// Settings → Your data → download: everything about the signed-in person as a ZIP of JSON files.
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { requestContext, requireUser } from '$lib/server/http/context';
import { collectPersonalData } from '$lib/server/privacy/export';
import { buildExportZip } from '$lib/server/privacy/export-zip';
import { recordAudit } from '$lib/server/audit/repository';

export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const now = new Date();
	const zip = buildExportZip(await collectPersonalData(db, user.id), now);
	await recordAudit(db, { actorId: user.id, action: 'privacy.data_exported', entityType: 'user', entityId: user.id, data: { bytes: zip.byteLength }, ip: requestContext(event).ip });
	const filename = `medcluster-my-data-${now.toISOString().slice(0, 10)}.zip`;
	return new Response(zip as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store'
		}
	});
};
