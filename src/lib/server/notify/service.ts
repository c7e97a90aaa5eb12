// One way to tell a user something: an in-app notification, a live push, and an e-mail in their language.
// What each kind says is the domains' (put together in app/notifications.ts); this module names none.
import { sql } from 'kysely';
import * as m from '$lib/paraglide/messages';
import type { Executor } from '../db';
import type { Locale } from '../db/types';
import { tryGetRuntime } from '../runtime';
import * as notifyRepository from './repository';
import { emailTemplates, type EmailKind } from './kinds';
import type { Template } from './template';

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

export type NotifyInput<K extends string = string> = {
	userId: string;
	kind: K;
	params: Record<string, string>;
	/** Path inside the portal, e.g. `/orgs/acme`. */
	link: string | null;
	origin: string;
};

/**
 * `notifyUser` for the kinds of `templates` (app/notifications.ts passes every kind of the portal).
 * Call it inside the transaction of the change: the push is sent by PostgreSQL only once it commits.
 */
export function notifier<K extends string>(templates: Record<K, Template>) {
	async function notifyUser(db: Executor, input: NotifyInput<K>): Promise<void> {
		const user = await notifyRepository.findRecipient(db, input.userId);
		if (!user || user.disabled_at) return;
		// The user's choice per kind (Settings → Notifications); no row means both channels.
		const preference = await notifyRepository.findPreference(db, user.id, input.kind);
		const template = templates[input.kind];
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

	return { notifyUser };
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
