import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { throwLoadError } from '$lib/server/app/errors';
import { requireUser } from '$lib/server/http/context';
import { idParam } from '$lib/server/courses/schemas';
import { cohortSurveyCsv } from '$lib/server/courses/survey';
import { csvDownload } from '$lib/server/http/download';

/** A cohort's anonymous survey answers for its managers; 404 below three answers (kept anonymous). */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const id = idParam.safeParse(event.params.id);
	if (!id.success) throwLoadError(new NotFoundError());
	const header = [
		m.survey_q_content(),
		m.survey_q_instructor(),
		m.survey_q_materials(),
		m.survey_q_usefulness(),
		m.survey_comment()
	];
	const csv = await cohortSurveyCsv(getDb(), user, id.data, header).catch(throwLoadError);
	if (csv === null) error(404, m.survey_too_few_answers());
	return csvDownload(csv, `survey-${id.data}.csv`);
};
