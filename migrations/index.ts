// The list of migrations, in order. A new migration is a new file here and a new line below.
import type { Migration } from 'kysely';
import * as foundation from './20261123T0100_foundation';

export const migrations: Record<string, Migration> = {
	'20261123T0100_foundation': foundation
};
