import type { RequestHandler } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { requestContext } from '$lib/server/http/context';
import { logPersonalDataAccess } from '$lib/server/privacy/access-log';
import { listQuestions, questionsCsv } from '$lib/server/ir/analytics';
import { requireTeamExport } from '$lib/server/ir/team-export';
import { csvDownload } from '$lib/server/http/download';

const statusLabels = {
	pending: m.ir_question_pending,
	approved: m.ir_question_approved,
	answered: m.ir_question_answered,
	dismissed: m.ir_question_dismissed
};

export const GET: RequestHandler = async (event) => {
	const db = getDb();
	const { user, eventId } = await requireTeamExport(event, db);
	const questions = await listQuestions(db, eventId);
	await logPersonalDataAccess(db, {
		actorId: user.id,
		source: 'ir.questions_csv',
		kind: 'exported',
		entityType: 'ir_event',
		entityId: eventId,
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
	return csvDownload(csv, `ir-questions-${eventId}.csv`);
};
