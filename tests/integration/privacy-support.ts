// Test data for personal-data tests: a person with a history in every domain (signed up through the
// service, so consents and the verification e-mail exist), and a scan of every text column.
import { sql, type Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import * as authService from '$lib/server/auth/service';
import { recordAudit } from '$lib/server/audit/repository';
import { addMember, createOrganization, createUser, TEST_PASSWORD, uniqueEmail, uniqueSuffix } from '../factories';
import { createCohort, createCourse, createProvider } from './courses-support';
import { createFacility, createResource } from './testbed-support';

export const ORIGIN = 'http://127.0.0.1:3000';
let ipCounter = 0;
export function context(): authService.RequestContext {
	ipCounter += 1;
	return { ip: `10.9.0.${ipCounter}`, userAgent: 'privacy-test', origin: ORIGIN };
}

/** A live IR session of a startup, starting `startsInMs` from now (negative: in the past). */
export async function createIrEvent(db: Kysely<DB>, startsInMs = 3_600_000) {
	const startup = await createOrganization(db, { kind: 'company' });
	const moderator = await createUser(db);
	return db
		.insertInto('ir_events')
		.values({
			org_id: startup.id,
			title_ko: 'IR',
			title_en: 'IR',
			summary_ko: '',
			summary_en: '',
			starts_at: new Date(Date.now() + startsInMs),
			duration_minutes: 60,
			access: 'members',
			nda_required: false,
			nda_text: null,
			nda_version: null,
			moderator_id: moderator.id,
			status: 'scheduled',
			cancel_reason: null,
			created_by: null
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

export async function addBooking(db: Kysely<DB>, userId: string, orgId: string, purpose: string) {
	const { facility } = await createFacility(db);
	const resource = await createResource(db, facility.id);
	const start = new Date(Date.UTC(2027, 0, 4, 1));
	const end = new Date(start.getTime() + 3_600_000);
	return db
		.insertInto('bookings')
		.values({
			resource_id: resource.id,
			org_id: orgId,
			user_id: userId,
			during: sql`tstzrange(${start}, ${end})` as never,
			status: 'confirmed',
			purpose
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** A person with a distinctive name and address, a booking, a certificate, IR chat and questions, notices, audit rows. */
export async function createPersonWithHistory(db: Kysely<DB>) {
	const suffix = uniqueSuffix();
	const email = uniqueEmail(`privacy-${suffix}`);
	const name = `Seo Ji-woo ${suffix}`;
	const { user } = await authService.signUp(
		db,
		{ email, password: TEST_PASSWORD, name, locale: 'en', consent: { marketing_email: true, profile_listing: true } },
		context()
	);
	await db
		.updateTable('users')
		.set({ title: `Regulatory lead ${suffix}`, expertise: `MFDS class II, written by ${name}` })
		.where('id', '=', user.id)
		.execute();
	// A member of a company that has another owner, so the account may be deleted.
	const org = await createOrganization(db);
	const owner = await createUser(db);
	await addMember(db, org.id, owner.id, 'owner');
	await addMember(db, org.id, user.id, 'member');
	const booking = await addBooking(db, user.id, org.id, `Holter validation for ${name}`);
	// A completed course with a certificate.
	const provider = await createProvider(db);
	const course = await createCourse(db, provider.org.id);
	const cohort = await createCohort(db, course.id);
	const enrolment = await db
		.insertInto('enrolments')
		.values({ cohort_id: cohort.id, user_id: user.id, org_id: org.id, status: 'completed', enrolled_at: new Date() })
		.returningAll()
		.executeTakeFirstOrThrow();
	const serial = `MC-PRIV-${suffix.toUpperCase()}`;
	await db.insertInto('certificates').values({ serial, enrolment_id: enrolment.id, issued_at: new Date() }).execute();
	// IR: registration, a chat message and a question.
	const event = await createIrEvent(db);
	await db.insertInto('ir_registrations').values({ event_id: event.id, user_id: user.id, org_id: org.id }).execute();
	const chat = await db
		.insertInto('ir_chat_messages')
		.values({ event_id: event.id, user_id: user.id, body: `Hello from ${name}` })
		.returningAll()
		.executeTakeFirstOrThrow();
	await db
		.insertInto('ir_questions')
		.values({ event_id: event.id, user_id: user.id, body: `Question by ${name} (${email})` })
		.execute();
	// Traces of the person in other people's data: a notification to the owner naming them, an audit row with the address, an invitation, a throttle key.
	await db
		.insertInto('notifications')
		.values({ user_id: owner.id, kind: 'org.join_request', params: JSON.stringify({ name, email }), link: null })
		.execute();
	await db
		.insertInto('notifications')
		.values({ user_id: user.id, kind: 'org.welcome', params: JSON.stringify({ name }), link: null })
		.execute();
	await recordAudit(db, {
		actorId: owner.id,
		action: 'org.member_added',
		entityType: 'organization',
		entityId: org.id,
		data: { email, name }
	});
	await db
		.insertInto('invitations')
		.values({
			id: `inv${suffix}`,
			secret_hash: new Uint8Array(32),
			org_id: org.id,
			email,
			role: 'member',
			invited_by: owner.id,
			expires_at: new Date(Date.now() + 86_400_000)
		})
		.execute();
	await db
		.insertInto('rate_limits')
		.values({ key: `signin:account:${email}`, window_start: new Date(), hits: 1 })
		.execute();
	return { user, email, name, org, owner, booking, serial, event, chat };
}

/** Every (table, column, value) in the database whose text contains one of `needles` (case-insensitive). */
export async function findInAnyText(db: Kysely<DB>, needles: string[]) {
	const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
		select c.table_name, c.column_name, c.data_type
		from information_schema.columns c
		join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
		where c.table_schema = 'public' and c.data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')`.execute(
		db
	);
	const found: { table: string; column: string; value: string }[] = [];
	for (const { table_name, column_name } of columns.rows) {
		for (const needle of needles) {
			const rows = await sql<{
				value: string;
			}>`select ${sql.ref(column_name)}::text as value from ${sql.table(table_name)} where strpos(lower(${sql.ref(column_name)}::text), lower(${needle})) > 0`.execute(
				db
			);
			for (const row of rows.rows) found.push({ table: table_name, column: column_name, value: row.value });
		}
	}
	return { columns: columns.rows.length, found };
}
