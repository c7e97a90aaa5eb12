import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/http/context';
import { throwLoadError } from '$lib/server/app/errors';
import { pageLocale, requireMonth } from '$lib/server/statements/http';
import { download } from '$lib/server/http/download';
import { renderStatementPdf } from '$lib/server/statements/pdf';
import { getStatement } from '$lib/server/statements/service';

export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const month = requireMonth(event);
	const statement = await getStatement(getDb(), user, { facility: event.params.slug, month }).catch(throwLoadError);
	return download(
		await renderStatementPdf(statement, pageLocale()),
		'application/pdf',
		`medcluster-facility-statement-${statement.subject.slug}-${month}.pdf`
	);
};
