// Why a voucher could not pay; the codes map to translated messages (vouchers/error-messages.ts).
import { DomainError } from '../errors';

/** The chosen voucher (or every live voucher of the organisation) holds less than the price. */
export class VoucherBalanceError extends DomainError {
	constructor(balance: number, price: number) {
		super('vouchers_insufficient_balance', 409, { balance, price });
	}
}

export class VoucherExpiredError extends DomainError {
	constructor() {
		super('vouchers_expired', 409);
	}
}

/** The organisation holds no live voucher at all. */
export class NoVoucherError extends DomainError {
	constructor() {
		super('vouchers_none', 409);
	}
}

/** Nothing to pay: a free resource, course or a zero-length booking. */
export class NothingToPayError extends DomainError {
	constructor() {
		super('vouchers_nothing_to_pay', 422);
	}
}
