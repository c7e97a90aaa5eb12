// One way to tell a user something: an in-app notification, a live push, and an e-mail in their language.
import { sql } from 'kysely';
import * as m from '$lib/paraglide/messages';
import type { Executor } from '../db';
import type { Locale } from '../db/types';
import { findUserById } from '../users/repository';
import { tryGetRuntime } from '../runtime';
import * as notifyRepository from './repository';
import { emailTemplates, notificationTemplates, type EmailKind, type NotificationKind } from './kinds';

export const NOTIFY_CHANNEL = 'mc_notify';

function deliveryStatus(): 'queued' | 'kept' {
	return tryGetRuntime()?.config.SMTP_URL ? 'queued' : 'kept';
}

function emailBody(body: string, link: string | null, locale: Locale): string {
	const parts = [body];
	if (link) parts.push('', link);
	parts.push('', '—', m.email_footer({}, { locale }));
	return parts.join('\n');
}

export type NotifyInput = {
	userId: string;
	kind: NotificationKind;
	params: Record<string, string>;
	/** Path inside the portal, e.g. `/orgs/acme`. */
	link: string | null;
	origin: string;
};

/** Call inside the transaction of the change: the push is sent by PostgreSQL only once it commits. */
export async function notifyUser(db: Executor, input: NotifyInput): Promise<void> {
	const user = await findUserById(db, input.userId);
	if (!user || user.disabled_at) return;
	// The user's choice per kind (Settings → Notifications); no row means both channels.
	const preference = await notifyRepository.findPreference(db, user.id, input.kind);
	const template = notificationTemplates[input.kind];
	if (preference?.in_app !== false) await notifyRepository.insertNotification(db, input);
	if (preference?.email !== false)
		await notifyRepository.enqueueEmail(db, {
			to: user.email,
			subject: template.title(input.params, user.locale),
			body: emailBody(
				template.body(input.params, user.locale),
				input.link ? new URL(input.link, input.origin).href : null,
				user.locale
			),
			status: deliveryStatus()
		});
	if (preference?.in_app !== false)
		await sql`select pg_notify(${NOTIFY_CHANNEL}, ${JSON.stringify({ userId: user.id })})`.execute(db);
}

export type EmailInput = {
	to: string;
	locale: Locale;
	kind: EmailKind;
	params: Record<string, string>;
	/** Absolute URL the e-mail points to. */
	url: string;
};

export async function sendEmail(db: Executor, input: EmailInput): Promise<void> {
	const template = emailTemplates[input.kind];
	await notifyRepository.enqueueEmail(db, {
		to: input.to,
		subject: template.title(input.params, input.locale),
		body: emailBody(template.body(input.params, input.locale), input.url, input.locale),
		status: deliveryStatus()
	});
}
