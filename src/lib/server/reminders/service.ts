// Sends reminders of items starting soon. Each reminder is recorded in reminders_sent (unique per
// kind, item, offset, version and person) in the SAME transaction that writes the notification and
// queues its e-mail: a crash before the commit leaves nothing, a re-run after it finds the record.
import type { Kysely } from 'kysely';
import * as m from '$lib/paraglide/messages';
import type { DB } from '../db';
import type { Locale } from '../db/types';
import { notifyUser } from '../app/notifications';
import type { ScheduleNotificationKind } from './notifications';
import * as reminderRepository from './repository';
import type { ReminderCandidate, ReminderKind } from './repository';
import { dateTimeFormat } from '$lib/intl-cache';
import { DEFAULT_TIME_ZONE } from '$lib/time-zone';

/** Minutes before the start at which each kind of item is recalled, longest first. */
export const REMINDER_OFFSETS: Record<ReminderKind, number[]> = {
	booking: [24 * 60, 60],
	course: [24 * 60],
	ir: [24 * 60, 10]
};

const NOTIFICATION_KIND: Record<ReminderKind, ScheduleNotificationKind> = {
	booking: 'schedule_reminder_booking',
	course: 'schedule_reminder_course',
	ir: 'schedule_reminder_ir'
};

/**
 * The reminder due now: the shortest offset whose window the start has entered. An item booked 30
 * minutes ahead gets the 1-hour reminder only, not a late 24-hour one as well.
 */
export function dueOffset(kind: ReminderKind, startsAt: Date, now: Date): number | null {
	const minutesLeft = (startsAt.getTime() - now.getTime()) / 60_000;
	if (minutesLeft <= 0) return null;
	const open = REMINDER_OFFSETS[kind].filter((offset) => minutesLeft <= offset);
	return open.length ? Math.min(...open) : null;
}

function leadText(offsetMinutes: number, locale: Locale): string {
	return offsetMinutes % 60 === 0
		? m.schedule_lead_hours({ count: String(offsetMinutes / 60) }, { locale })
		: m.schedule_lead_minutes({ count: String(offsetMinutes) }, { locale });
}

function whenText(at: Date, timeZone: string, locale: Locale): string {
	return (
		dateTimeFormat(locale === 'en' ? 'en-GB' : 'ko-KR', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(
			at
		) + ` (${timeZone})`
	);
}

export type SentReminder = {
	kind: ReminderKind;
	entityId: string;
	userId: string;
	offsetMinutes: number;
	sequence: number;
};

/** Sends every reminder due at `now`; safe to run twice, concurrently, or after a crash. */
export async function sendDueReminders(db: Kysely<DB>, now: Date, origin: string): Promise<SentReminder[]> {
	const sent: SentReminder[] = [];
	for (const kind of Object.keys(REMINDER_OFFSETS) as ReminderKind[]) {
		const horizon = new Date(now.getTime() + Math.max(...REMINDER_OFFSETS[kind]) * 60_000);
		const candidates = await reminderRepository.CANDIDATES[kind](db, now, horizon);
		const already = await reminderRepository.listSentKeys(db, [...new Set(candidates.map((c) => c.entityId))]);
		const byItem = new Map<string, { offset: number; people: ReminderCandidate[] }>();
		for (const candidate of candidates) {
			const offset = dueOffset(kind, candidate.startsAt, now);
			if (
				offset === null ||
				already.has(`${kind}:${candidate.entityId}:${offset}:${candidate.sequence}:${candidate.userId}`)
			)
				continue;
			const key = `${candidate.entityId}:${candidate.sequence}`;
			const group = byItem.get(key) ?? { offset, people: [] };
			group.people.push(candidate);
			byItem.set(key, group);
		}
		for (const { offset, people } of byItem.values()) {
			sent.push(...(await sendItemReminders(db, kind, offset, people, now, origin)));
		}
	}
	return sent;
}

/** One item's reminders in one transaction, after checking under a lock that it is still due. */
async function sendItemReminders(
	db: Kysely<DB>,
	kind: ReminderKind,
	offsetMinutes: number,
	people: ReminderCandidate[],
	now: Date,
	origin: string
): Promise<SentReminder[]> {
	const { entityId, sequence } = people[0];
	return db.transaction().execute(async (trx) => {
		if (!(await reminderRepository.lockIfStillDue(trx, kind, entityId, sequence))) return [];
		const sent: SentReminder[] = [];
		const users = await trx
			.selectFrom('users')
			.select(['id', 'time_zone'])
			.where(
				'id',
				'in',
				people.map((p) => p.userId)
			)
			.execute();
		for (const person of people) {
			const reminder = { kind, entityId, offsetMinutes, sequence, userId: person.userId };
			if (!(await reminderRepository.recordReminder(trx, reminder, now))) continue;
			const timeZone = users.find((u) => u.id === person.userId)?.time_zone ?? DEFAULT_TIME_ZONE;
			await notifyUser(trx, {
				userId: person.userId,
				kind: NOTIFICATION_KIND[kind],
				params: {
					title: person.title_ko,
					title_en: person.title_en,
					when: whenText(person.startsAt, timeZone, 'ko'),
					when_en: whenText(person.startsAt, timeZone, 'en'),
					lead: leadText(offsetMinutes, 'ko'),
					lead_en: leadText(offsetMinutes, 'en')
				},
				link: person.link,
				origin
			});
			sent.push(reminder);
		}
		return sent;
	});
}
