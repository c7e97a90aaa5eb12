// Tells registrants and presenters about a session, each in their language and time zone.
import type { Executor } from '../db';
import type { IrEventRow } from '../db/ir-types';
import { notifyUser } from '../app/notifications';
import { localInputValue } from '../meetings/schemas';
import type { IrNotificationKind } from './notifications';
import type { Context } from '$lib/server/common/context';

export type { Context };

/** Notification params naming a session in both languages (each falls back to the other). */
export function eventParams(event: Pick<IrEventRow, 'title_ko' | 'title_en'>) {
	return { title: event.title_ko || event.title_en, title_en: event.title_en || event.title_ko };
}

const whenIn = (instant: Date, timeZone: string) =>
	`${localInputValue(instant, timeZone).replace('T', ' ')} (${timeZone})`;

/** One notification per user, with the start time written in that user's time zone. */
export async function notifyUsers(
	db: Executor,
	userIds: string[],
	event: IrEventRow,
	kind: IrNotificationKind,
	params: Record<string, string>,
	context: Context,
	link = `/ir/${event.id}`
) {
	const unique = [...new Set(userIds)];
	if (unique.length === 0) return;
	const users = await db.selectFrom('users').select(['id', 'time_zone']).where('id', 'in', unique).execute();
	for (const user of users) {
		await notifyUser(db, {
			userId: user.id,
			kind,
			params: { ...eventParams(event), when: whenIn(event.starts_at, user.time_zone), ...params },
			link,
			origin: context.origin
		});
	}
}
