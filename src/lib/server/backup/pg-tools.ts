// Finds PostgreSQL's client programs (pg_dump, pg_restore): PG_BIN_DIR when set, else the newest
// /usr/lib/postgresql/<version>/bin that has the program (Debian's layout), else the PATH.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const DEBIAN_ROOT = '/usr/lib/postgresql';

export function findPgTool(
	name: 'pg_dump' | 'pg_restore',
	env: Record<string, string | undefined> = process.env,
	root = DEBIAN_ROOT
): string {
	if (env.PG_BIN_DIR) return join(env.PG_BIN_DIR, name);
	const versions = existsSync(root)
		? readdirSync(root)
				.filter((entry) => /^\d+$/.test(entry))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	for (const version of versions) {
		const candidate = join(root, version, 'bin', name);
		if (existsSync(candidate)) return candidate;
	}
	return name;
}
