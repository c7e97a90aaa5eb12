import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { requestContext, requireUser } from '$lib/server/http/context';
import { logPersonalDataAccess } from '$lib/server/privacy/access-log';
import { listQuestions, questionsCsv, requireEventTeam } from '$lib/server/ir/analytics';
import { idParam } from '$lib/server/ir/schemas';

const statusLabels = { pending: m.ir_question_pending, approved: m.ir_question_approved, answered: m.ir_question_answered, dismissed: m.ir_question_dismissed };

export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const id = idParam.safeParse(event.params.id);
	if (!id.success) error(404, m.error_not_found());
	const db = getDb();
	await requireEventTeam(db, user, id.data).catch((failure) => {
		if (failure instanceof DomainError) error(404, m.error_not_found());
		throw failure;
	});
	const questions = await listQuestions(db, id.data);
	await logPersonalDataAccess(db, {
		actorId: user.id,
		source: 'ir.questions_csv',
		kind: 'exported',
		entityType: 'ir_event',
		entityId: id.data,
		data: { rows: questions.length },
		ip: requestContext(event).ip
	});
	const csv = questionsCsv(questions, {
		askedAt: m.ir_csv_asked_at(),
		author: m.ir_csv_author(),
		status: m.ir_csv_status(),
		votes: m.ir_csv_votes(),
		question: m.ir_csv_question(),
		statusLabel: (s) => statusLabels[s]()
	});
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="ir-questions-${id.data}.csv"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
