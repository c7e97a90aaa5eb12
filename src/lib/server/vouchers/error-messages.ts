// The translated messages of the voucher error codes (spread into http/errors.ts).
import * as m from '$lib/paraglide/messages';

const won = (n: string | number | undefined) => Number(n ?? 0).toLocaleString('en-US');

export const voucherErrorMessages = {
	vouchers_insufficient_balance: (p, o) =>
		m.vouchers_error_insufficient_balance({ balance: won(p.balance), price: won(p.price) }, o),
	vouchers_expired: (_p, o) => m.vouchers_error_expired({}, o),
	vouchers_none: (_p, o) => m.vouchers_error_none({}, o),
	vouchers_nothing_to_pay: (_p, o) => m.vouchers_error_nothing_to_pay({}, o)
} satisfies Record<string, (p: Record<string, string | number>, o?: { locale: 'ko' | 'en' }) => string>;
