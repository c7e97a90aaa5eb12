// What a call's managers may still change (issue 15). Before the call opens: everything. Once it has
// opened, only what does not change the rules under applicants' feet: the description, the budget,
// the reviewers, the places (only up), the closing time (only later, and only while still open) and
// the programme's end (only later). Pure, so each rule is tested without a database.
import type { Criterion, Eligibility, Question } from '../db/programmes-types';

export type CallTerms = {
	programme_key: string;
	org_id: string;
	title_ko: string;
	title_en: string;
	description_ko: string;
	description_en: string;
	field_term_id: string | null;
	region: string;
	budget_krw: number;
	places: number;
	voucher_amount_krw: number;
	opens_at: Date;
	closes_at: Date;
	programme_ends_at: Date;
	eligibility: Eligibility;
	questions: Question[];
	rubric: Criterion[];
};

export type LockedField =
	| 'programme_key'
	| 'org_id'
	| 'title_ko'
	| 'title_en'
	| 'field_term_id'
	| 'region'
	| 'voucher_amount_krw'
	| 'opens_at'
	| 'eligibility'
	| 'questions'
	| 'rubric';
export type EditRefusal =
	| { rule: 'locked'; field: LockedField }
	| {
			rule: 'closes_earlier' | 'closes_after_close' | 'places_down' | 'ends_earlier';
			field: 'closes_at' | 'places' | 'programme_ends_at';
	  };

const LOCKED: LockedField[] = [
	'programme_key',
	'org_id',
	'title_ko',
	'title_en',
	'field_term_id',
	'region',
	'voucher_amount_krw',
	'opens_at',
	'eligibility',
	'questions',
	'rubric'
];

/** Forms speak whole minutes: a time is unchanged when it names the same minute. */
export const minute = (d: Date) => Math.floor(d.getTime() / 60_000);

/** Rules as stored may omit defaults; compared with every rule spelled out. */
export function normalEligibility(e: Eligibility): Required<Eligibility> {
	return {
		orgKinds: [...(e.orgKinds ?? [])].sort(),
		verifiedOnly: e.verifiedOnly ?? false,
		regions: e.regions ?? [],
		minMfdsStage: e.minMfdsStage ?? 'none',
		minEmployees: e.minEmployees ?? null,
		maxEmployees: e.maxEmployees ?? null,
		notSelectedInProgramme: e.notSelectedInProgramme ?? false
	};
}

// Ids follow the form's row numbers; what an applicant meets is the content and its order.
const questionContent = (qs: Question[]) =>
	qs.map((q) => [q.kind, q.label_ko, q.label_en, q.required, q.options ?? []]);
const rubricContent = (cs: Criterion[]) => cs.map((c) => [c.label_ko, c.label_en, c.weight]);

function same(field: LockedField, before: CallTerms, after: CallTerms): boolean {
	switch (field) {
		case 'opens_at':
			return minute(before.opens_at) === minute(after.opens_at);
		case 'eligibility':
			return (
				JSON.stringify(normalEligibility(before.eligibility)) === JSON.stringify(normalEligibility(after.eligibility))
			);
		case 'questions':
			return JSON.stringify(questionContent(before.questions)) === JSON.stringify(questionContent(after.questions));
		case 'rubric':
			return JSON.stringify(rubricContent(before.rubric)) === JSON.stringify(rubricContent(after.rubric));
		default:
			return before[field] === after[field];
	}
}

export function changedFields(before: CallTerms, after: CallTerms): (keyof CallTerms)[] {
	const keys = Object.keys(before) as (keyof CallTerms)[];
	return keys.filter((key) => {
		if (key === 'closes_at' || key === 'programme_ends_at') return minute(before[key]) !== minute(after[key]);
		if ((LOCKED as string[]).includes(key)) return !same(key as LockedField, before, after);
		return before[key] !== after[key];
	});
}

/** The first change the call's phase refuses, or null when the edit may go ahead. */
export function findRefusedChange(before: CallTerms, after: CallTerms, now: Date): EditRefusal | null {
	if (now < before.opens_at) return null;
	const changed = new Set(changedFields(before, after));
	const locked = LOCKED.find((field) => changed.has(field));
	if (locked) return { rule: 'locked', field: locked };
	if (changed.has('closes_at')) {
		if (now >= before.closes_at) return { rule: 'closes_after_close', field: 'closes_at' };
		if (minute(after.closes_at) < minute(before.closes_at)) return { rule: 'closes_earlier', field: 'closes_at' };
	}
	if (changed.has('programme_ends_at') && minute(after.programme_ends_at) < minute(before.programme_ends_at))
		return { rule: 'ends_earlier', field: 'programme_ends_at' };
	if (after.places < before.places) return { rule: 'places_down', field: 'places' };
	return null;
}

/** A later closing time while applications are open: applicants hear of it. */
export function isDeadlineExtension(before: CallTerms, after: CallTerms, now: Date): boolean {
	return now >= before.opens_at && now < before.closes_at && minute(after.closes_at) > minute(before.closes_at);
}
