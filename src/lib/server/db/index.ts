import type { Kysely, Transaction } from 'kysely';
import type { DB } from './types';

/** What repositories take first: the database or an open transaction. */
export type Executor = Kysely<DB> | Transaction<DB>;
export type { DB } from './types';
