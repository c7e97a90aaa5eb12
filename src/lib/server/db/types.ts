// Table types for Kysely. Each table: a `FooTable` interface and a `FooRow` for what a select returns.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | T, string | T>;

export type Locale = 'ko' | 'en';
export type OrgKind = 'company' | 'hospital' | 'agency' | 'university' | 'investor';
export type OrgStatus = 'pending' | 'verified' | 'rejected';
export type MemberRole = 'owner' | 'admin' | 'member';

export interface UsersTable {
	id: Generated<string>;
	email: string;
	email_verified_at: Timestamp | null;
	password_hash: string;
	name: string;
	locale: Generated<Locale>;
	time_zone: Generated<string>;
	is_operator: Generated<boolean>;
	disabled_at: Timestamp | null;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

export interface SessionsTable {
	id: string;
	secret_hash: Uint8Array;
	user_id: string;
	created_at: CreatedAt;
	expires_at: Timestamp;
	ip: string | null;
	user_agent: string | null;
}

export interface ApiTokensTable {
	id: string;
	secret_hash: Uint8Array;
	user_id: string;
	name: string;
	created_at: CreatedAt;
	last_used_at: Timestamp | null;
	revoked_at: Timestamp | null;
}

export type OneTimeTokenPurpose = 'email_verification' | 'password_reset';

export interface OneTimeTokensTable {
	id: string;
	secret_hash: Uint8Array;
	user_id: string;
	purpose: OneTimeTokenPurpose;
	expires_at: Timestamp;
	used_at: Timestamp | null;
	created_at: CreatedAt;
}

export interface OrganizationsTable {
	id: Generated<string>;
	slug: string;
	kind: OrgKind;
	name_ko: string;
	name_en: string;
	summary_ko: Generated<string>;
	summary_en: Generated<string>;
	description_ko: Generated<string>;
	description_en: Generated<string>;
	region: Generated<string>;
	website: string | null;
	founded_year: number | null;
	status: Generated<OrgStatus>;
	status_reason: string | null;
	verified_at: Timestamp | null;
	created_by: string | null;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

export interface MembershipsTable {
	org_id: string;
	user_id: string;
	role: MemberRole;
	created_at: CreatedAt;
}

export interface JoinRequestsTable {
	id: Generated<string>;
	org_id: string;
	user_id: string;
	message: Generated<string>;
	status: Generated<'pending' | 'accepted' | 'refused'>;
	decided_by: string | null;
	decided_at: Timestamp | null;
	created_at: CreatedAt;
}

export interface InvitationsTable {
	id: string;
	secret_hash: Uint8Array;
	org_id: string;
	email: string;
	role: 'admin' | 'member';
	invited_by: string | null;
	expires_at: Timestamp;
	accepted_at: Timestamp | null;
	revoked_at: Timestamp | null;
	created_at: CreatedAt;
}

export interface AuditLogTable {
	id: Generated<number>;
	actor_id: string | null;
	action: string;
	entity_type: string;
	entity_id: string;
	data: Json<Record<string, unknown>>;
	ip: string | null;
	created_at: CreatedAt;
}

export interface NotificationsTable {
	id: Generated<string>;
	user_id: string;
	kind: string;
	params: Json<Record<string, string>>;
	link: string | null;
	read_at: Timestamp | null;
	created_at: CreatedAt;
}

export interface EmailOutboxTable {
	id: Generated<string>;
	to_address: string;
	subject: string;
	body_text: string;
	status: Generated<'queued' | 'sent' | 'failed' | 'kept'>;
	attempts: Generated<number>;
	last_error: string | null;
	created_at: CreatedAt;
	sent_at: Timestamp | null;
}

export interface RateLimitsTable {
	key: string;
	window_start: Timestamp;
	hits: number;
}

export interface DB {
	users: UsersTable;
	sessions: SessionsTable;
	api_tokens: ApiTokensTable;
	one_time_tokens: OneTimeTokensTable;
	organizations: OrganizationsTable;
	memberships: MembershipsTable;
	join_requests: JoinRequestsTable;
	invitations: InvitationsTable;
	audit_log: AuditLogTable;
	notifications: NotificationsTable;
	email_outbox: EmailOutboxTable;
	rate_limits: RateLimitsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type OrganizationRow = Selectable<OrganizationsTable>;
export type NewOrganization = Insertable<OrganizationsTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type EmailOutboxRow = Selectable<EmailOutboxTable>;
