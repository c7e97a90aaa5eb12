// The manager's decisions after a call closes: select up to the number of places, keep a reserve list
// in order, decline with a reason. Every change of one call runs under that call's row lock, so a
// freed place is given to the head of the reserve list exactly once, whatever runs in parallel.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db';
import type { ApplicationStatus, ProgrammeApplicationRow, ProgrammeCallRow } from '../db/programmes-types';
import { recordAudit } from '../audit/repository';
import { InvalidStateError, NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { requireCallManager } from './access';
import type { Context } from './calls';
import { notifyApplicant } from './notify';
import { PlacesFullError } from './errors';
import * as programmeRepository from './repository';
import type { DecisionInput } from './schemas';
import { grantSupport } from './service';

const PARK_OFFSET = 1_000_000;

/** Renumbers the reserve list 1..n in its order (parked first: the unique index is checked row by row). */
export async function renumberReserve(trx: Transaction<DB>, callId: string): Promise<void> {
	await trx
		.updateTable('programme_applications')
		.set((eb) => ({ reserve_position: eb('reserve_position', '+', PARK_OFFSET) }))
		.where('call_id', '=', callId)
		.where('status', '=', 'reserve')
		.execute();
	await sql`
		update programme_applications set reserve_position = ranked.n
		from (select id, row_number() over (order by reserve_position) as n from programme_applications where call_id = ${callId} and status = 'reserve') as ranked
		where programme_applications.id = ranked.id`.execute(trx);
}

/** Free places go to the head of the reserve list, in order. */
export async function promoteReserve(
	trx: Transaction<DB>,
	call: ProgrammeCallRow,
	context: Context
): Promise<ProgrammeApplicationRow[]> {
	const promoted: ProgrammeApplicationRow[] = [];
	while ((await programmeRepository.countSelected(trx, call.id)) < call.places) {
		const head = await programmeRepository.reserveHead(trx, call.id);
		if (!head) break;
		const selected = await grantSupport(trx, head, call);
		await notifyApplicant(trx, selected, call, 'programmes_promoted', context);
		promoted.push(selected);
	}
	if (promoted.length) await renumberReserve(trx, call.id);
	return promoted;
}

/** After an application left `previous` (withdrawn or declined): refill a place, close a gap. */
export async function releasePlace(
	trx: Transaction<DB>,
	call: ProgrammeCallRow,
	previous: ApplicationStatus,
	context: Context
) {
	if (previous === 'selected') await promoteReserve(trx, call, context);
	if (previous === 'reserve') await renumberReserve(trx, call.id);
}

const ALLOWED: Record<DecisionInput['decision'], ApplicationStatus[]> = {
	selected: ['submitted', 'reserve'],
	reserve: ['submitted'],
	declined: ['submitted', 'reserve', 'selected']
};

export async function decideApplication(
	db: Kysely<DB>,
	actor: Actor,
	callId: string,
	input: DecisionInput,
	context: Context
) {
	const found = await programmeRepository.findCall(db, callId);
	if (!found) throw new NotFoundError();
	await requireCallManager(db, actor, found);
	return db.transaction().execute(async (trx) => {
		const call = (await programmeRepository.lockCall(trx, callId))!;
		const application = await trx
			.selectFrom('programme_applications')
			.selectAll()
			.where('id', '=', input.applicationId)
			.where('call_id', '=', call.id)
			.forUpdate()
			.executeTakeFirst();
		if (!application) throw new NotFoundError();
		const { closed } = (await sql<{ closed: boolean }>`select now() >= ${call.closes_at} as closed`.execute(trx))
			.rows[0];
		if (!closed || !ALLOWED[input.decision].includes(application.status)) throw new InvalidStateError();
		let decided: ProgrammeApplicationRow;
		if (input.decision === 'selected') {
			if ((await programmeRepository.countSelected(trx, call.id)) >= call.places) throw new PlacesFullError();
			decided = await grantSupport(trx, application, call, actor.id);
			if (application.status === 'reserve') await renumberReserve(trx, call.id);
		} else if (input.decision === 'reserve') {
			const position = await programmeRepository.nextReservePosition(trx, call.id);
			decided = await trx
				.updateTable('programme_applications')
				.set({ status: 'reserve', reserve_position: position, decided_at: sql`now()`, updated_at: new Date() })
				.where('id', '=', application.id)
				.returningAll()
				.executeTakeFirstOrThrow();
		} else {
			decided = await trx
				.updateTable('programme_applications')
				.set({
					status: 'declined',
					reserve_position: null,
					decision_reason: input.reason,
					decided_at: sql`now()`,
					updated_at: new Date()
				})
				.where('id', '=', application.id)
				.returningAll()
				.executeTakeFirstOrThrow();
		}
		if (input.decision !== 'selected')
			await recordAudit(trx, {
				actorId: actor.id,
				action: `programme_application.${input.decision}`,
				entityType: 'programme_application',
				entityId: application.id,
				data: { from: application.status, reason: input.reason || null },
				ip: context.ip
			});
		await notifyApplicant(trx, decided, call, `programmes_${input.decision}`, context);
		if (input.decision === 'declined') await releasePlace(trx, call, application.status, context);
		return decided;
	});
}
