// Answers to a call's typed questions: kept as typed in a draft, complete and well-typed to submit.
import type { Question } from '../db/programmes-types';
import { MB } from '../uploads/service';

export const ANSWER_FILE_MAX_BYTES = 10 * MB;

/** The answers a question list accepts: known text questions only, trimmed; files are stored apart. */
export function keepKnownAnswers(questions: Question[], answers: Record<string, string>): Record<string, string> {
	const kept: Record<string, string> = {};
	for (const q of questions)
		if (q.kind !== 'file' && typeof answers[q.id] === 'string') kept[q.id] = answers[q.id].trim();
	return kept;
}

/** The first question whose answer is missing (when required) or of the wrong type, or null. */
export function firstAnswerProblem(
	questions: Question[],
	answers: Record<string, string>,
	fileQuestionIds: Set<string>
): Question | null {
	for (const q of questions) {
		if (q.kind === 'file') {
			if (q.required && !fileQuestionIds.has(q.id)) return q;
			continue;
		}
		const value = (answers[q.id] ?? '').trim();
		if (value === '') {
			if (q.required) return q;
			continue;
		}
		if (q.kind === 'number' && !Number.isFinite(Number(value))) return q;
		if (q.kind === 'choice' && !(q.options ?? []).includes(value)) return q;
		if (q.kind === 'short_text' && value.length > 300) return q;
	}
	return null;
}
