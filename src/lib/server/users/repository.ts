import { sql } from 'kysely';
import { containsPattern } from '../db/like';
import type { Executor } from '../db';
import type { NewUser, UserUpdate } from '../db/types';

export function findUserByEmail(db: Executor, email: string) {
	return db
		.selectFrom('users')
		.selectAll()
		.where(sql`lower(email)`, '=', email.toLowerCase())
		.executeTakeFirst();
}

export function findUserById(db: Executor, id: string) {
	return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertUser(db: Executor, user: NewUser) {
	return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}

export function updateUser(db: Executor, id: string, changes: UserUpdate) {
	return db
		.updateTable('users')
		.set({ ...changes, updated_at: new Date() })
		.where('id', '=', id)
		.returningAll()
		.executeTakeFirstOrThrow();
}

export function listUsers(db: Executor, search: string | undefined, limit: number, offset: number) {
	let query = db
		.selectFrom('users')
		.select(['id', 'email', 'name', 'is_operator', 'disabled_at', 'email_verified_at', 'created_at']);
	if (search) {
		const pattern = containsPattern(search);
		query = query.where((eb) => eb.or([eb('email', 'ilike', pattern), eb('name', 'ilike', pattern)]));
	}
	return query.orderBy('created_at', 'desc').limit(limit).offset(offset).execute();
}
