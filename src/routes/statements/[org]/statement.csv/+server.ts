import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/http/context';
import { throwLoadError } from '$lib/server/app/errors';
import { statementCsv } from '$lib/server/statements/csv';
import { pageLocale, requireMonth } from '$lib/server/statements/http';
import { download } from '$lib/server/http/download';
import { getStatement } from '$lib/server/statements/service';

// `?month=YYYY-MM`: the statement page as a spreadsheet (UTF-8 with a BOM, for Excel).
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const month = requireMonth(event);
	const statement = await getStatement(getDb(), user, { org: event.params.org, month }).catch(throwLoadError);
	return download(
		statementCsv(statement, pageLocale()),
		'text/csv; charset=utf-8',
		`medcluster-statement-${statement.subject.slug}-${month}.csv`
	);
};
