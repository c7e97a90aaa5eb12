import { describe, expect, it } from 'vitest';
import type { Question } from '../db/programmes-types';
import { firstAnswerProblem, keepKnownAnswers } from './answers';

const questions: Question[] = [
	{ id: 'q0', kind: 'short_text', label_ko: '이름', label_en: 'Name', required: true },
	{ id: 'q1', kind: 'number', label_ko: '직원 수', label_en: 'Staff', required: false },
	{ id: 'q2', kind: 'choice', label_ko: '분야', label_en: 'Field', required: true, options: ['SaMD', 'IVD'] },
	{ id: 'q3', kind: 'file', label_ko: '사업계획서', label_en: 'Plan', required: true }
];

describe('programme answers', () => {
	it('names the first missing or mistyped answer', () => {
		expect(firstAnswerProblem(questions, {}, new Set())?.id).toBe('q0');
		expect(firstAnswerProblem(questions, { q0: 'A', q1: 'many', q2: 'SaMD' }, new Set(['q3']))?.id).toBe('q1');
		expect(firstAnswerProblem(questions, { q0: 'A', q2: 'Other' }, new Set(['q3']))?.id).toBe('q2');
		expect(firstAnswerProblem(questions, { q0: 'A', q2: 'IVD' }, new Set())?.id).toBe('q3');
		expect(firstAnswerProblem(questions, { q0: 'A', q1: '12', q2: 'IVD' }, new Set(['q3']))).toBeNull();
	});

	it('keeps only answers to text questions of the call', () => {
		expect(keepKnownAnswers(questions, { q0: ' A ', q3: 'x', q9: 'y' })).toEqual({ q0: 'A' });
	});
});
