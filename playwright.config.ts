// End-to-end tests: the production build (`node server.js`) on a fresh data folder, driven by Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromiumPath } from './tests/e2e/support/chromium';

const baseURL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:4173';
const port = new URL(baseURL).port || '4173';

/**
 * A fresh data folder per run, so runs never see each other's data. Worker processes load this file
 * too and inherit the variable, so it is made once; scripts/test.js may set it (and remove it) itself.
 */
function freshDataDir(): string {
	const given = process.env.E2E_DATA_DIR;
	if (given) return given;
	const dir = mkdtempSync(join(tmpdir(), 'medcluster-e2e-'));
	process.env.E2E_DATA_DIR = dir;
	// Made by this process, removed by it: Playwright has stopped the server by the time it exits.
	process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
	return dir;
}

const dataDir = freshDataDir();

// Values left undefined are removed from the server's environment (Node's spawn skips them):
// ORIGIN would override the protocol the server states itself, and DATABASE_URL must never point
// the demo seed at a developer's database by accident.
const serverEnv = {
	PORT: port,
	HOST: '127.0.0.1',
	ORIGIN: undefined,
	DATA_DIR: dataDir,
	SEED_DEMO: 'true',
	LOG_LEVEL: 'warn',
	DATABASE_URL: process.env.E2E_DATABASE_URL
} as Record<string, string>;

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	workers: process.env.CI ? 1 : 2,
	// A CI machine may be shared and slow: a minute per test there, Playwright's 30 s elsewhere.
	timeout: process.env.CI ? 60_000 : 30_000,
	retries: 0,
	reporter: 'list',
	use: {
		baseURL,
		// The alliance is Korean: browsers in the tests ask for Korean first, as its members' do.
		locale: 'ko-KR',
		timezoneId: 'Asia/Seoul',
		trace: 'retain-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				browserName: 'chromium',
				launchOptions: { executablePath: resolveChromiumPath(), args: CHROMIUM_ARGS }
			}
		}
	],
	webServer: {
		command: 'node server.js',
		url: `${baseURL}/healthz`,
		reuseExistingServer: false,
		timeout: 180_000,
		env: serverEnv
	}
});
