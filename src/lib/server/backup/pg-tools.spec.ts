import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPgTool } from './pg-tools';

const root = mkdtempSync(join(tmpdir(), 'pg-tools-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function install(version: string, tool: string) {
	mkdirSync(join(root, version, 'bin'), { recursive: true });
	writeFileSync(join(root, version, 'bin', tool), '');
}

describe('findPgTool', () => {
	it('takes PG_BIN_DIR first', () => {
		expect(findPgTool('pg_restore', { PG_BIN_DIR: '/opt/pg16/bin' }, root)).toBe('/opt/pg16/bin/pg_restore');
	});

	it('takes the newest Debian version folder that has the program, by number not by text', () => {
		install('9', 'pg_dump');
		install('15', 'pg_dump');
		mkdirSync(join(root, '17', 'bin'), { recursive: true });
		mkdirSync(join(root, 'common'), { recursive: true });
		expect(findPgTool('pg_dump', {}, root)).toBe(join(root, '15', 'bin', 'pg_dump'));
	});

	it('falls back to the PATH', () => {
		expect(findPgTool('pg_restore', {}, join(root, 'missing'))).toBe('pg_restore');
	});
});
