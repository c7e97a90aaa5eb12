// Inputs and API shapes of vouchers and statements.
import { z } from 'zod';
import { text } from '$lib/server/http/text';

const slug = text()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
	.max(100);
export const month = text().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const voucherListQuery = z.object({ org: slug.optional() });
export const statementQuery = z.object({ month: month.optional() });

const ledgerEntrySchema = z.object({
	id: z.uuid(),
	kind: z.enum(['issue', 'spend', 'refund']),
	category: z.enum(['grant', 'testbed', 'course']),
	amount_krw: z.number().int().positive(),
	booking_id: z.uuid().nullable(),
	enrolment_id: z.uuid().nullable(),
	created_at: z.iso.datetime({ offset: true })
});

export const voucherSchema = z
	.object({
		id: z.uuid(),
		organization: z.object({ slug: z.string(), name_ko: z.string(), name_en: z.string() }),
		programme_call_id: z.uuid().nullable(),
		label_ko: z.string(),
		label_en: z.string(),
		amount_krw: z.number().int().positive(),
		balance_krw: z.number().int().nonnegative(),
		expires_at: z.iso.datetime({ offset: true }),
		state: z.enum(['live', 'expired', 'used_up']),
		ledger: z.array(ledgerEntrySchema)
	})
	.meta({ id: 'Voucher' });

export const voucherListSchema = z.object({ vouchers: z.array(voucherSchema) });
