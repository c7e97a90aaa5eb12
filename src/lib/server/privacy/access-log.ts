// Operator and staff access to other people's personal data leaves an audit row (issue #16, item 7):
// who looked at or exported which list, with what filter, and how many people it showed.
import type { Executor } from '../db';
import { recordAudit } from '../audit/repository';

export type PersonalDataAccess = {
	actorId: string;
	/** What was read: 'admin.users', 'admin.user', 'admin.outbox', 'ir.questions_csv', 'testbed.report_csv', … */
	source: string;
	kind: 'viewed' | 'exported';
	/** The entity looked at, or the list's scope. */
	entityType: string;
	entityId: string;
	data?: Record<string, unknown>;
	ip: string | null;
};

export function logPersonalDataAccess(db: Executor, access: PersonalDataAccess) {
	return recordAudit(db, {
		actorId: access.actorId,
		action: access.kind === 'viewed' ? 'privacy.personal_data_viewed' : 'privacy.personal_data_exported',
		entityType: access.entityType,
		entityId: access.entityId,
		data: { source: access.source, ...access.data },
		ip: access.ip
	});
}
