import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/http/context';
import { throwLoadError } from '$lib/server/app/errors';
import { getEvidencePack } from '$lib/server/statements/evidence';
import { renderEvidencePdf } from '$lib/server/statements/evidence-pdf';
import { pageLocale } from '$lib/server/statements/http';
import { download } from '$lib/server/http/download';

// The organisation's record in the alliance, for grant applications and regulatory dossiers.
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const pack = await getEvidencePack(getDb(), user, event.params.org).catch(throwLoadError);
	return download(
		await renderEvidencePdf(pack, pageLocale()),
		'application/pdf',
		`medcluster-evidence-${pack.organization.slug}.pdf`
	);
};
