// The rules of a testing-service request: who may request, quote and decide, and in which state.
// Every step locks the request's row (forUpdate) so two steps on one request cannot both pass the check.
import type { Kysely } from 'kysely';
import type { DB, Executor } from '../db';
import type { TestRequestStatus } from '../db/test-services-types';
import { recordAudit } from '../audit/repository';
import { NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { listVerifiedMemberships } from '../common/verified-memberships';
import { NotFacilityManagerError } from '../testbed/errors';
import { listManagedFacilityIds } from '../testbed/access';
import { NotCompanyMemberError, NotRequestingAdminError, WrongStatusError } from './errors';
import { requireVisibleRequest, roleIn } from './access';
import { listRequestAttachments, storeRequestAttachments } from './attachment-files';
import { notifySide } from './notify-sides';
import { quoteTotals } from './quote';
import * as repo from './repository';
import type { NewRequestInput, QuoteInput } from './schemas';

export type Context = { ip: string | null; origin: string };

/** The locked row, its actor's role, and a refusal when it is not in one of `allowed`. */
export async function lockInStatus(trx: Executor, actor: Actor, id: string, allowed: TestRequestStatus[]) {
	const row = await repo.lockRequest(trx, id);
	if (!row) throw new NotFoundError();
	const role = await roleIn(trx, actor, row);
	if (!role.member && !role.manager) throw new NotFoundError();
	if (!allowed.includes(row.status)) throw new WrongStatusError(row.status);
	return { row, role };
}

/** A member of a verified company asks a facility for a test, for that company (the first one by default).
 *  The attached PDFs are stored in the same transaction: a refused file leaves no request and no upload. */
export async function createRequest(
	db: Kysely<DB>,
	actor: Actor,
	input: NewRequestInput,
	context: Context,
	files: File[] = []
) {
	return db.transaction().execute(async (trx) => {
		const companies = await listVerifiedMemberships(trx, actor.id, ['company']);
		const org = input.orgId ? companies.find((c) => c.id === input.orgId) : companies[0];
		if (!org) throw new NotCompanyMemberError();
		const facility = await trx
			.selectFrom('facilities')
			.select('id')
			.where('id', '=', input.facilityId)
			.executeTakeFirst();
		if (!facility) throw new NotFoundError();
		const row = await repo.insertRequest(trx, {
			orgId: org.id,
			facilityId: facility.id,
			requestedBy: actor.id,
			standard: input.standard,
			standardOther: input.standard === 'other' ? (input.standardOther ?? null) : null,
			sampleCount: input.sampleCount,
			notes: input.notes
		});
		const stored = files.length > 0 ? await storeRequestAttachments(trx, actor, row, files) : [];
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'test_request.created',
			entityType: 'test_request',
			entityId: row.id,
			data: { orgId: org.id, facilityId: facility.id, standard: row.standard, files: stored },
			ip: context.ip
		});
		await notifySide(trx, row, 'managers', 'testbed_test_requested', actor.id, context.origin);
		return row;
	});
}

/** The facility's manager quotes (or re-quotes before the decision) line items; VAT is added here. */
export async function sendQuote(db: Kysely<DB>, actor: Actor, id: string, input: QuoteInput, context: Context) {
	return db.transaction().execute(async (trx) => {
		const { role } = await lockInStatus(trx, actor, id, ['requested', 'quoted']);
		if (!role.manager) throw new NotFacilityManagerError();
		const totals = quoteTotals(input.lines);
		await repo.replaceQuoteLines(trx, id, input.lines);
		const row = await repo.updateRequest(trx, id, {
			status: 'quoted',
			turnaround_days: input.turnaroundDays,
			vat_krw: totals.vatKrw,
			total_krw: totals.totalKrw,
			quoted_by: actor.id,
			quoted_at: new Date()
		});
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'test_request.quoted',
			entityType: 'test_request',
			entityId: id,
			data: { ...totals, turnaroundDays: input.turnaroundDays },
			ip: context.ip
		});
		await notifySide(trx, row, 'admins', 'testbed_test_quoted', actor.id, context.origin);
		return row;
	});
}

/** Only an owner or admin of the requesting organisation approves or declines; not the facility, not an operator. */
export async function decideQuote(
	db: Kysely<DB>,
	actor: Actor,
	id: string,
	decision: 'approve' | 'decline',
	context: Context
) {
	return db.transaction().execute(async (trx) => {
		const { role } = await lockInStatus(trx, actor, id, ['quoted']);
		if (!role.orgAdmin) throw new NotRequestingAdminError();
		const row = await repo.updateRequest(trx, id, {
			status: decision === 'approve' ? 'approved' : 'declined',
			decided_by: actor.id,
			decided_at: new Date()
		});
		await recordAudit(trx, {
			actorId: actor.id,
			action: `test_request.${decision === 'approve' ? 'approved' : 'declined'}`,
			entityType: 'test_request',
			entityId: id,
			data: { totalKrw: row.total_krw },
			ip: context.ip
		});
		const kind = decision === 'approve' ? 'testbed_test_approved' : 'testbed_test_declined';
		await notifySide(trx, row, 'managers', kind, actor.id, context.origin);
		return row;
	});
}

/** A request with its quote lines, attachments and thread, for whoever has a part in it. */
export async function getRequest(db: Executor, actor: Actor, id: string) {
	const { request, role } = await requireVisibleRequest(db, actor, id);
	const [lines, messages, attachments] = await Promise.all([
		repo.listQuoteLines(db, id),
		repo.listMessages(db, id),
		listRequestAttachments(db, id)
	]);
	return {
		request,
		role,
		lines,
		messages,
		attachments,
		totals: quoteTotals(lines.map((l) => ({ quantity: l.quantity, unitPriceKrw: l.unit_price_krw })))
	};
}

/** Requests of the actor's organisations, and those sent to the facilities they manage. */
export async function listMyRequests(db: Executor, actor: Actor) {
	const orgIds = (await listVerifiedMemberships(db, actor.id)).map((o) => o.id);
	const facilityIds = await listManagedFacilityIds(db, actor);
	const [mine, incoming] = await Promise.all([
		repo.listRequests(db, { orgIds }),
		repo.listRequests(db, { facilityIds })
	]);
	return { mine, incoming };
}
