// Test data for IR sessions: a verified startup with staff, investors, an operator, and helpers that
// schedule a session through the service (times relative to now).
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { EventInput } from '$lib/server/ir/schemas';
import { scheduleEvent } from '$lib/server/ir/service';
import { addMember, createOperator, createOrganization, createUser } from '../factories';

export const context = { ip: '198.51.100.7', origin: 'http://127.0.0.1:3000' };
export const actorOf = (user: { id: string; is_operator?: boolean }) => ({
	id: user.id,
	isOperator: user.is_operator ?? false
});
export const HOUR = 3_600_000;
export const refusal = (promise: Promise<unknown>) =>
	promise.then(
		() => null,
		(error: unknown) => error
	);

/** A startup with an owner, an admin and a plain member. */
export async function createStartup(db: Kysely<DB>, status: 'verified' | 'pending' = 'verified') {
	const org = await createOrganization(db, { kind: 'company', status });
	const [owner, admin, member] = [await createUser(db), await createUser(db), await createUser(db)];
	await addMember(db, org.id, owner.id, 'owner');
	await addMember(db, org.id, admin.id, 'admin');
	await addMember(db, org.id, member.id, 'member');
	return { org, owner, admin, member };
}

/** A member of an investor firm (verified unless asked otherwise). */
export async function createInvestor(db: Kysely<DB>, status: 'verified' | 'pending' = 'verified') {
	const org = await createOrganization(db, { kind: 'investor', status });
	const user = await createUser(db);
	await addMember(db, org.id, user.id, 'member');
	return { org, user };
}

/** A member of a verified hospital: a verified member who is not an investor. */
export async function createHospitalMember(db: Kysely<DB>) {
	const org = await createOrganization(db, { kind: 'hospital' });
	const user = await createUser(db);
	await addMember(db, org.id, user.id, 'member');
	return { org, user };
}

export { createOperator, createUser };

export function eventInput(overrides: Partial<EventInput> & { moderatorId: string }): EventInput {
	return {
		titleKo: '시리즈 A 투자 설명회',
		titleEn: 'Series A pitch',
		summaryKo: '',
		summaryEn: '**Bold** plan <script>alert(1)</script>',
		startsAt: new Date(Date.now() + 48 * HOUR),
		durationMinutes: 60,
		access: 'members',
		ndaRequired: false,
		ndaText: '',
		ndaVersion: '',
		presenterIds: [],
		...overrides
	};
}

export function schedule(
	db: Kysely<DB>,
	by: { id: string; is_operator?: boolean },
	orgId: string,
	overrides: Partial<EventInput> & { moderatorId: string },
	deck?: File
) {
	return scheduleEvent(db, actorOf(by), orgId, eventInput(overrides), deck, context);
}

export const pdfFile = (name = 'deck.pdf', body = '%PDF-1.4\n% test deck\n%%EOF') =>
	new File([body], name, { type: 'application/pdf' });
