// What a signed-in user should do next, derived from their account and organisations.
import type { Executor } from '../db';
import type { SessionUser } from '../auth/session';
import { listUserMemberships, listUserPendingJoinRequests } from '../orgs/repository';
import { nextIrSession } from '../ir/next-step';

export type NextStep =
	| { kind: 'verify_email' }
	| { kind: 'join_or_create_org' }
	| { kind: 'await_join'; orgs: { slug: string; name_ko: string; name_en: string }[] }
	| { kind: 'await_verification'; org: { slug: string; name_ko: string; name_en: string } }
	| { kind: 'rejected'; org: { slug: string; name_ko: string; name_en: string; reason: string | null } }
	| { kind: 'ready' }
	| {
			kind: 'ir_session';
			event: {
				id: string;
				title_ko: string;
				title_en: string;
				starts_at: Date;
				org_name_ko: string;
				org_name_en: string;
			};
	  };

export async function nextStepsFor(db: Executor, user: SessionUser) {
	const memberships = await listUserMemberships(db, user.id);
	const steps: NextStep[] = [];
	if (!user.emailVerified) steps.push({ kind: 'verify_email' });
	const verified = memberships.filter((m) => m.status === 'verified');
	if (verified.length > 0) {
		steps.push({ kind: 'ready' });
		const irSession = await nextIrSession(db, user.id);
		if (irSession) steps.push({ kind: 'ir_session', event: irSession });
	} else if (memberships.length === 0) {
		const pending = await listUserPendingJoinRequests(db, user.id);
		steps.push(pending.length > 0 ? { kind: 'await_join', orgs: pending } : { kind: 'join_or_create_org' });
	} else {
		for (const org of memberships) {
			if (org.status === 'pending') steps.push({ kind: 'await_verification', org });
			else steps.push({ kind: 'rejected', org: { ...org, reason: org.status_reason } });
		}
	}
	return { memberships, steps };
}
