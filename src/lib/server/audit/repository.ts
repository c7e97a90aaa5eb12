// The audit log: written inside the transaction of the change it records, read by the operator.
import type { Executor } from '../db';
import { containsPattern } from '../db/like';

export type AuditEntry = {
	actorId: string | null;
	action: string;
	entityType: string;
	entityId: string;
	data?: Record<string, unknown>;
	ip?: string | null;
};

export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			actor_id: entry.actorId,
			action: entry.action,
			entity_type: entry.entityType,
			entity_id: entry.entityId,
			data: JSON.stringify(entry.data ?? {}),
			ip: entry.ip ?? null
		})
		.execute();
}

export type AuditFilter = {
	actor?: string;
	entityType?: string;
	entityId?: string;
	from?: Date;
	to?: Date;
	limit: number;
	offset: number;
};

export async function listAuditEntries(db: Executor, filter: AuditFilter) {
	let query = db
		.selectFrom('audit_log')
		.leftJoin('users', 'users.id', 'audit_log.actor_id')
		.select([
			'audit_log.id',
			'audit_log.action',
			'audit_log.entity_type',
			'audit_log.entity_id',
			'audit_log.data',
			'audit_log.ip',
			'audit_log.created_at',
			'users.email as actor_email',
			'users.name as actor_name'
		]);
	if (filter.actor) query = query.where('users.email', 'ilike', containsPattern(filter.actor));
	if (filter.entityType) query = query.where('audit_log.entity_type', '=', filter.entityType);
	if (filter.entityId) query = query.where('audit_log.entity_id', '=', filter.entityId);
	if (filter.from) query = query.where('audit_log.created_at', '>=', filter.from);
	if (filter.to) query = query.where('audit_log.created_at', '<', filter.to);
	return query.orderBy('audit_log.id', 'desc').limit(filter.limit).offset(filter.offset).execute();
}
