import { describe, expect, it } from 'vitest';
import { findRefusedChange, isDeadlineExtension, type CallTerms } from './call-edit-rules';

const day = (n: number) => new Date(Date.UTC(2026, 2, 1 + n, 0, 0, 0));
const call: CallTerms = {
	programme_key: 'jump-up',
	org_id: 'org',
	title_ko: '점프업',
	title_en: 'Jump-Up',
	description_ko: '설명',
	description_en: 'About',
	field_term_id: null,
	region: '',
	budget_krw: 90_000_000,
	places: 20,
	voucher_amount_krw: 3_000_000,
	opens_at: day(10),
	closes_at: day(20),
	programme_ends_at: day(200),
	eligibility: { orgKinds: ['company'], verifiedOnly: true },
	questions: [{ id: 'q0', kind: 'long_text', label_ko: '사업 계획', label_en: 'Plan', required: true }],
	rubric: [{ id: 'c0', label_ko: '혁신성', label_en: 'Innovation', weight: 2 }]
};
const edit = (changes: Partial<CallTerms>) => ({ ...call, ...changes });
const BEFORE_OPEN = day(5);
const OPEN = day(15);
const CLOSED = day(25);

describe('findRefusedChange', () => {
	it('allows every change before the call opens', () => {
		expect(
			findRefusedChange(
				call,
				edit({ title_en: 'Jump-Up 2', places: 5, closes_at: day(12), questions: [], eligibility: {} }),
				BEFORE_OPEN
			)
		).toBeNull();
	});

	it('allows the description, budget, more places, a later closing time and a later end once open', () => {
		expect(
			findRefusedChange(
				call,
				edit({ description_en: 'More', budget_krw: 1, places: 25, closes_at: day(22), programme_ends_at: day(210) }),
				OPEN
			)
		).toBeNull();
	});

	it('treats stored rules with defaults left out, question ids and seconds as unchanged', () => {
		const stored = { ...call, closes_at: new Date(day(20).getTime() + 42_000) };
		const typed = edit({
			eligibility: {
				orgKinds: ['company'],
				verifiedOnly: true,
				regions: [],
				minMfdsStage: 'none',
				minEmployees: null,
				maxEmployees: null,
				notSelectedInProgramme: false
			},
			questions: [{ ...call.questions[0], id: 'q3' }]
		});
		expect(findRefusedChange(stored, typed, OPEN)).toBeNull();
	});

	it('refuses what changes the rules under applicants once open, naming the field', () => {
		expect(findRefusedChange(call, edit({ title_ko: '바뀐 제목' }), OPEN)).toEqual({
			rule: 'locked',
			field: 'title_ko'
		});
		expect(
			findRefusedChange(call, edit({ eligibility: { orgKinds: ['company'], verifiedOnly: false } }), OPEN)
		).toEqual({ rule: 'locked', field: 'eligibility' });
		expect(findRefusedChange(call, edit({ questions: [{ ...call.questions[0], required: false }] }), OPEN)).toEqual({
			rule: 'locked',
			field: 'questions'
		});
		expect(findRefusedChange(call, edit({ rubric: [{ ...call.rubric[0], weight: 3 }] }), OPEN)).toEqual({
			rule: 'locked',
			field: 'rubric'
		});
		expect(findRefusedChange(call, edit({ voucher_amount_krw: 1 }), OPEN)).toEqual({
			rule: 'locked',
			field: 'voucher_amount_krw'
		});
		expect(findRefusedChange(call, edit({ opens_at: day(11) }), OPEN)).toEqual({ rule: 'locked', field: 'opens_at' });
	});

	it('moves the closing time only later and only while open; places only up; the end only later', () => {
		expect(findRefusedChange(call, edit({ closes_at: day(19) }), OPEN)).toEqual({
			rule: 'closes_earlier',
			field: 'closes_at'
		});
		expect(findRefusedChange(call, edit({ closes_at: day(30) }), CLOSED)).toEqual({
			rule: 'closes_after_close',
			field: 'closes_at'
		});
		expect(findRefusedChange(call, edit({ places: 19 }), OPEN)).toEqual({ rule: 'places_down', field: 'places' });
		expect(findRefusedChange(call, edit({ programme_ends_at: day(199) }), OPEN)).toEqual({
			rule: 'ends_earlier',
			field: 'programme_ends_at'
		});
	});
});

describe('isDeadlineExtension', () => {
	it('is a later closing time while the call is open', () => {
		expect(isDeadlineExtension(call, edit({ closes_at: day(22) }), OPEN)).toBe(true);
		expect(isDeadlineExtension(call, edit({ closes_at: day(22) }), BEFORE_OPEN)).toBe(false);
		expect(isDeadlineExtension(call, edit({ description_en: 'x' }), OPEN)).toBe(false);
	});
});
