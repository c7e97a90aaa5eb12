// Demo people agreed to the first privacy notice when they joined (only people with no consent row
// yet get one, so a second run changes nothing and never overrides a choice made in the demo).
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/types';

export async function seedConsents(trx: Transaction<DB>, userIds: Iterable<string>, at: Date): Promise<void> {
	const ids = [...userIds];
	if (ids.length === 0) return;
	const first = await trx
		.selectFrom('privacy_notices')
		.select('version')
		.orderBy('id')
		.limit(1)
		.executeTakeFirstOrThrow();
	await sql`
		insert into privacy_consents (user_id, purpose, granted, notice_version, created_at)
		select u.id, p.purpose, case p.purpose when 'required' then true when 'profile_listing' then u.directory_listed else false end, ${first.version}, ${at}
		from users u cross join (values ('required'), ('marketing_email'), ('profile_listing')) as p (purpose)
		where u.id in (${sql.join(ids)}) and not exists (select 1 from privacy_consents c where c.user_id = u.id)
		order by u.id, p.purpose`.execute(trx);
}
