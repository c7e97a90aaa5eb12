// Amounts in won and months, in the page's language.
import { getLocale } from '$lib/paraglide/runtime';
import * as m from '$lib/paraglide/messages';
import { dateTimeFormat, numberFormat } from '$lib/intl-cache';

const intlLocale = () => (getLocale() === 'ko' ? 'ko-KR' : 'en-GB');

/** "₩1,250,000" in both languages (won has no minor unit). */
export const formatWon = (amount: number) =>
	numberFormat(intlLocale(), { style: 'currency', currency: 'KRW', maximumFractionDigits: 0 }).format(amount);

export const formatHours = (hours: number) => numberFormat(intlLocale(), { maximumFractionDigits: 2 }).format(hours);

/** "2026년 3월" or "March 2026" for "2026-03". */
export const formatMonth = (month: string) =>
	dateTimeFormat(intlLocale(), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
		new Date(`${month}-15T00:00:00Z`)
	);

export const ledgerKindLabel = (kind: string) =>
	(
		({ issue: m.vouchers_kind_issue, spend: m.vouchers_kind_spend, refund: m.vouchers_kind_refund }) as Record<
			string,
			() => string
		>
	)[kind]?.() ?? kind;

export const categoryLabel = (category: string) =>
	(
		({
			grant: m.vouchers_category_grant,
			testbed: m.vouchers_category_testbed,
			course: m.vouchers_category_course
		}) as Record<string, () => string>
	)[category]?.() ?? category;
