// Registering for a session (with the NDA click-through: version, time and IP recorded) and
// cancelling a registration. Registering again is idempotent; after a new NDA version it re-accepts.
import type { Kysely } from 'kysely';
import type { DB, Executor } from '../db';
import type { IrEventRow, IrRegistrationRow } from '../db/ir-types';
import { recordAudit } from '../audit/repository';
import { NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { attendingOrgId, attendRefusal, type Viewer } from './access';
import { NdaVersionError, NotInvestorError, NotVerifiedMemberError, SessionClosedError } from './errors';
import { notifyUsers, type Context } from './notify';
import * as irRepository from './repository';

/** Registration is open until the session is cancelled or over. */
export function registrationOpen(
	event: Pick<IrEventRow, 'status' | 'starts_at' | 'duration_minutes'>,
	now: Date
): boolean {
	if (event.status === 'cancelled' || event.status === 'ended') return false;
	return event.status === 'live' || event.starts_at.getTime() + event.duration_minutes * 60_000 > now.getTime();
}

/**
 * A session anybody signed in may know exists (to be told why they cannot attend), or that a visitor
 * may see as a teaser when it is open to all. 404 for anything else.
 */
export async function findTeaserEvent(db: Executor, viewer: Viewer, id: string) {
	const event = await irRepository.findEvent(db, id);
	if (!event || (!viewer && event.access !== 'open')) throw new NotFoundError();
	return event;
}

export type RegisterResult = { registration: IrRegistrationRow; created: boolean };

export async function registerForEvent(
	db: Kysely<DB>,
	actor: Actor,
	eventId: string,
	ndaVersion: string | null,
	context: Context,
	now = new Date()
): Promise<RegisterResult> {
	return db.transaction().execute(async (trx) => {
		await findTeaserEvent(trx, actor, eventId);
		const event = (await irRepository.lockEvent(trx, eventId))!;
		if (!registrationOpen(event, now)) throw new SessionClosedError();
		const refusal = await attendRefusal(trx, actor.id, event.access);
		if (refusal === 'investors') throw new NotInvestorError();
		if (refusal === 'members') throw new NotVerifiedMemberError();
		if (event.nda_required && ndaVersion !== event.nda_version) throw new NdaVersionError();
		const existing = await irRepository.findRegistration(trx, eventId, actor.id);
		const nda = event.nda_required
			? { nda_version: event.nda_version, nda_accepted_at: now, nda_ip: context.ip }
			: { nda_version: null, nda_accepted_at: null, nda_ip: null };
		if (existing && existing.cancelled_at === null && existing.nda_version === nda.nda_version)
			return { registration: existing, created: false };
		const orgId = await attendingOrgId(trx, actor.id);
		let registration: IrRegistrationRow;
		if (existing && existing.cancelled_at === null) {
			// Still registered: only the NDA acceptance moves to the current version.
			registration = await trx
				.updateTable('ir_registrations')
				.set(nda)
				.where('event_id', '=', eventId)
				.where('user_id', '=', actor.id)
				.returningAll()
				.executeTakeFirstOrThrow();
			await recordAudit(trx, {
				actorId: actor.id,
				action: 'ir_registration.nda_accepted',
				entityType: 'ir_event',
				entityId: eventId,
				data: { ndaVersion: nda.nda_version },
				ip: context.ip
			});
			return { registration, created: false };
		}
		registration = await trx
			.insertInto('ir_registrations')
			.values({ event_id: eventId, user_id: actor.id, org_id: orgId, ...nda, registered_at: now, cancelled_at: null })
			.onConflict((oc) =>
				oc
					.columns(['event_id', 'user_id'])
					.doUpdateSet({ org_id: orgId, ...nda, registered_at: now, cancelled_at: null })
			)
			.returningAll()
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'ir_registration.registered',
			entityType: 'ir_event',
			entityId: eventId,
			data: { userId: actor.id, org: orgId, ndaVersion: nda.nda_version },
			ip: context.ip
		});
		await notifyUsers(trx, [actor.id], event, 'ir_registration_confirmed', {}, context);
		const registrant = await trx
			.selectFrom('users')
			.select('name')
			.where('id', '=', actor.id)
			.executeTakeFirstOrThrow();
		const org = orgId
			? await trx.selectFrom('organizations').select(['name_ko', 'name_en']).where('id', '=', orgId).executeTakeFirst()
			: undefined;
		const presenters = (await irRepository.listPresenters(trx, eventId))
			.map((p) => p.id)
			.filter((id) => id !== actor.id);
		await notifyUsers(
			trx,
			presenters,
			event,
			'ir_registration_new',
			{ name: registrant.name, org: org?.name_ko ?? '—', org_en: org?.name_en ?? '—' },
			context,
			`/ir/${eventId}/analytics`
		);
		return { registration, created: true };
	});
}

export async function cancelRegistration(
	db: Kysely<DB>,
	actor: Actor,
	eventId: string,
	context: Context,
	now = new Date()
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await findTeaserEvent(trx, actor, eventId);
		const cancelled = await trx
			.updateTable('ir_registrations')
			.set({ cancelled_at: now })
			.where('event_id', '=', eventId)
			.where('user_id', '=', actor.id)
			.where('cancelled_at', 'is', null)
			.returning('user_id')
			.executeTakeFirst();
		if (cancelled)
			await recordAudit(trx, {
				actorId: actor.id,
				action: 'ir_registration.cancelled',
				entityType: 'ir_event',
				entityId: eventId,
				data: { userId: actor.id },
				ip: context.ip
			});
	});
}
