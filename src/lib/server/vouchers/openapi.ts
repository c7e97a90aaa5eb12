// The vouchers' entries in the OpenAPI document (spread into `operations` in api/openapi.ts).
import type { Operation } from '../api/operation';
import { voucherListQuery, voucherListSchema } from './schemas';

export const voucherOperations: Operation[] = [
	{
		method: 'get',
		path: '/vouchers',
		operationId: 'listVouchers',
		summary:
			'Support vouchers of your organisations (or of `org`): amount, balance, expiry, state and the ledger of issues, spends and refunds, newest first',
		tags: ['vouchers'],
		auth: 'required',
		query: voucherListQuery.shape,
		responses: {
			200: { description: 'The vouchers', schema: voucherListSchema },
			401: { description: 'Not signed in' },
			404: { description: '`org` does not exist or you are not one of its members' }
		}
	}
];
