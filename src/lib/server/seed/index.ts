// Demo data for a fresh install: the alliance's organisations, their people and one sign-in per role.
import { sql, type Kysely, type Transaction } from 'kysely';
import { hashPassword } from '../auth/password';
import type { DB, Locale, MemberRole } from '../db/types';
import { checkSeedData } from './check';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { ORGANIZATIONS } from './organizations';
import { PEOPLE } from './people';
import { seedTestbed } from './testbed';
import { seedDirectory } from './directory';
import { seedCourses } from './courses';
import { seedNeeds } from './needs';
import { seedIr } from './ir';
import { seedTestServices } from './testservices';
import { seedVouchers } from './vouchers';
import { seedConsents } from './privacy';
import { seedSecondFactor } from './second-factor';
import { seedProgrammes } from './programmes';
import { DEFAULT_TIME_ZONE } from '$lib/time-zone';
import { seedConsulting } from './consulting';
import { seedMatchmaking } from './matchmaking';

export { DEMO_ACCOUNTS, DEMO_OPERATOR_TOTP_KEY, DEMO_PASSWORD, type DemoAccount } from './demo-accounts';

// Fixed dates rather than now(), so that a second run writes exactly the same rows.
const SEEDED_AT = Date.parse('2026-03-02T09:00:00+09:00');
const DAY_MS = 24 * 60 * 60 * 1000;
const TIME_ZONE = DEFAULT_TIME_ZONE;

type SeedUser = {
	email: string;
	name: string;
	locale: Locale;
	isOperator: boolean;
	org: string;
	role: MemberRole;
};

const USERS: readonly SeedUser[] = [
	...DEMO_ACCOUNTS.map(({ email, name, isOperator, org, membership }) => ({
		email,
		name,
		locale: 'ko' as const,
		isOperator,
		org,
		role: membership
	})),
	...PEOPLE.map(({ email, name, locale, org, role }) => ({ email, name, locale, isOperator: false, org, role }))
];

async function upsertUsers(trx: Transaction<DB>, passwordHash: string): Promise<Map<string, string>> {
	const rows = await trx
		.insertInto('users')
		.values(
			USERS.map((user) => ({
				email: user.email,
				email_verified_at: new Date(SEEDED_AT),
				password_hash: passwordHash,
				name: user.name,
				locale: user.locale,
				time_zone: TIME_ZONE,
				is_operator: user.isOperator,
				disabled_at: null
			}))
		)
		// Keeps an existing password hash: a fresh salt would change the row on every run.
		.onConflict((oc) =>
			oc.expression(sql`lower(email)`).doUpdateSet((eb) => ({
				email_verified_at: eb.ref('excluded.email_verified_at'),
				name: eb.ref('excluded.name'),
				locale: eb.ref('excluded.locale'),
				time_zone: eb.ref('excluded.time_zone'),
				is_operator: eb.ref('excluded.is_operator'),
				disabled_at: eb.ref('excluded.disabled_at')
			}))
		)
		.returning(['id', 'email'])
		.execute();
	return new Map(rows.map((row) => [row.email.toLowerCase(), row.id]));
}

async function upsertOrganizations(trx: Transaction<DB>, userIds: Map<string, string>): Promise<Map<string, string>> {
	const creatorOf = (slug: string) => {
		const owner = USERS.find((user) => user.org === slug && user.role === 'owner');
		return owner ? (userIds.get(owner.email.toLowerCase()) ?? null) : null;
	};
	const rows = await trx
		.insertInto('organizations')
		.values(
			ORGANIZATIONS.map((org, index) => ({
				slug: org.slug,
				kind: org.kind,
				name_ko: org.name_ko,
				name_en: org.name_en,
				summary_ko: org.summary_ko,
				summary_en: org.summary_en,
				description_ko: org.description_ko,
				description_en: org.description_en,
				region: org.region,
				website: org.website,
				founded_year: org.founded_year,
				status: org.status,
				status_reason: org.status_reason ?? null,
				verified_at: org.status === 'verified' ? new Date(SEEDED_AT + index * DAY_MS) : null,
				created_by: creatorOf(org.slug)
			}))
		)
		.onConflict((oc) =>
			oc.column('slug').doUpdateSet((eb) => ({
				kind: eb.ref('excluded.kind'),
				name_ko: eb.ref('excluded.name_ko'),
				name_en: eb.ref('excluded.name_en'),
				summary_ko: eb.ref('excluded.summary_ko'),
				summary_en: eb.ref('excluded.summary_en'),
				description_ko: eb.ref('excluded.description_ko'),
				description_en: eb.ref('excluded.description_en'),
				region: eb.ref('excluded.region'),
				website: eb.ref('excluded.website'),
				founded_year: eb.ref('excluded.founded_year'),
				status: eb.ref('excluded.status'),
				status_reason: eb.ref('excluded.status_reason'),
				verified_at: eb.ref('excluded.verified_at'),
				created_by: eb.ref('excluded.created_by')
			}))
		)
		.returning(['id', 'slug'])
		.execute();
	return new Map(rows.map((row) => [row.slug, row.id]));
}

async function upsertMemberships(
	trx: Transaction<DB>,
	orgIds: Map<string, string>,
	userIds: Map<string, string>
): Promise<number> {
	const rows = await trx
		.insertInto('memberships')
		.values(
			USERS.map((user) => ({
				org_id: orgIds.get(user.org)!,
				user_id: userIds.get(user.email.toLowerCase())!,
				role: user.role
			}))
		)
		.onConflict((oc) => oc.columns(['org_id', 'user_id']).doUpdateSet((eb) => ({ role: eb.ref('excluded.role') })))
		.returning('org_id')
		.execute();
	return rows.length;
}

/** Ensures the demo organisations, people and sign-ins exist; safe to run again. Returns rows ensured per table. */
export async function seedDemo(db: Kysely<DB>): Promise<Record<string, number>> {
	checkSeedData(ORGANIZATIONS, USERS);
	// argon2 is slow: hash once, before the transaction opens, and give every demo user the same hash.
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	return db.transaction().execute(async (trx) => {
		const userIds = await upsertUsers(trx, passwordHash);
		await seedSecondFactor(trx, userIds, new Date(SEEDED_AT));
		const orgIds = await upsertOrganizations(trx, userIds);
		const memberships = await upsertMemberships(trx, orgIds, userIds);
		await seedDirectory(trx, orgIds);
		await seedTestbed(trx, { orgIds, userIds });
		await seedCourses(trx, { orgIds, userIds });
		await seedNeeds(trx, { orgIds, userIds });
		await seedIr(trx, { orgIds, userIds });
		// Programmes first: the vouchers of the past call's selected companies name it.
		await seedProgrammes(trx, { orgIds, userIds });
		await seedConsulting(trx, { orgIds, userIds });
		await seedMatchmaking(trx, { orgIds, userIds });
		await seedVouchers(trx, { orgIds, userIds });
		await seedTestServices(trx, { orgIds, userIds });
		await seedConsents(trx, userIds.values(), new Date(SEEDED_AT));
		return { organizations: orgIds.size, users: userIds.size, memberships };
	});
}

/** Seeds only a database nobody has signed up to yet; returns null when there is any user. */
export async function seedDemoIfEmpty(db: Kysely<DB>): Promise<Record<string, number> | null> {
	const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
	return anyUser ? null : seedDemo(db);
}
