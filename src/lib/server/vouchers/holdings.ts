// What an organisation's members see of its vouchers: each one's balance, state and ledger.
import type { Executor } from '../db';
import type { Actor } from '../orgs/access';
import { listReadableOrganizations, requireOrganizationReader } from '../statements/access';
import * as voucherRepository from './repository';

export type VoucherState = 'live' | 'expired' | 'used_up';

export const voucherState = (v: { balance_krw: number; expires_at: Date }, now: Date): VoucherState =>
	v.expires_at <= now ? 'expired' : v.balance_krw === 0 ? 'used_up' : 'live';

async function holdingsOf(
	db: Executor,
	org: { id: string; slug: string; name_ko: string; name_en: string },
	now: Date
) {
	const vouchers = await voucherRepository.listOrganizationVouchers(db, org.id);
	const ledger = await voucherRepository.listLedger(
		db,
		vouchers.map((v) => v.id)
	);
	return vouchers.map((v) => ({
		id: v.id,
		organization: { slug: org.slug, name_ko: org.name_ko, name_en: org.name_en },
		programme_call_id: v.programme_call_id,
		label_ko: v.label_ko,
		label_en: v.label_en,
		amount_krw: v.amount_krw,
		balance_krw: v.balance_krw,
		expires_at: v.expires_at,
		created_at: v.created_at,
		state: voucherState(v, now),
		ledger: ledger.filter((l) => l.voucher_id === v.id).map(({ voucher_id: _, ...l }) => l)
	}));
}

/** One organisation's vouchers (by slug, for its members and the operator), or those of every organisation the actor belongs to. */
export async function listVoucherHoldings(db: Executor, actor: Actor, orgSlug?: string, now = new Date()) {
	const orgs = orgSlug
		? [await requireOrganizationReader(db, actor, orgSlug)]
		: await listReadableOrganizations(db, actor.id);
	return (await Promise.all(orgs.map((o) => holdingsOf(db, o, now)))).flat();
}

/** The live voucher balance the organisation could pay with now (the largest single balance: one booking is paid by one voucher). */
export async function largestLiveBalance(db: Executor, orgId: string, now = new Date()) {
	const vouchers = await voucherRepository.listOrganizationVouchers(db, orgId);
	return Math.max(0, ...vouchers.filter((v) => voucherState(v, now) === 'live').map((v) => v.balance_krw));
}

export type VoucherHolding = Awaited<ReturnType<typeof listVoucherHoldings>>[number];
