// Remembers the devices each user signs in from and e-mails them, in their language, when a sign-in
// comes from one not seen before (not on the very first sign-in: every device is new then).
import type { Executor } from '../db';
import type { Locale } from '../db/types';
import { sendEmail } from '../notify/service';
import { describeDevice } from './device';

export async function noteSignInDevice(
	db: Executor,
	user: { id: string; email: string; name: string; locale: Locale },
	context: { userAgent: string | null; ip: string | null; origin: string },
	now = new Date()
): Promise<{ newDevice: boolean }> {
	const device = describeDevice(context.userAgent) ?? 'unknown';
	const known = await db.selectFrom('known_devices').select('device').where('user_id', '=', user.id).execute();
	if (known.some((row) => row.device === device)) {
		await db
			.updateTable('known_devices')
			.set({ last_seen_at: now })
			.where('user_id', '=', user.id)
			.where('device', '=', device)
			.execute();
		return { newDevice: false };
	}
	const inserted = await db
		.insertInto('known_devices')
		.values({ user_id: user.id, device, first_seen_at: now, last_seen_at: now })
		.onConflict((oc) => oc.columns(['user_id', 'device']).doUpdateSet({ last_seen_at: now }))
		.returning('device')
		.executeTakeFirst();
	if (!inserted || known.length === 0) return { newDevice: false };
	await sendEmail(db, {
		to: user.email,
		locale: user.locale,
		kind: 'security_new_device',
		params: { name: user.name, device: device === 'unknown' ? '—' : device, ip: context.ip ?? '—' },
		url: new URL('/settings/security', context.origin).href
	});
	return { newDevice: true };
}

export type SignInContext = { userAgent: string | null; ip: string | null; origin: string };

/** After the second step of a sign-in: only now is the device noted, and a new one announced. */
export async function noteCompletedSignIn(db: Executor, userId: string, context: SignInContext, now = new Date()) {
	const user = await db
		.selectFrom('users')
		.select(['id', 'email', 'name', 'locale'])
		.where('id', '=', userId)
		.executeTakeFirst();
	if (!user) return { newDevice: false };
	return noteSignInDevice(db, user, context, now);
}
