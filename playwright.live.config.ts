// End-to-end tests of the live IR room's media: the production build and Chromium with a fake camera
// and microphone, both meant to run inside a private network namespace with only `lo`
// (scripts/test.js: `unshare -n`), so every packet stays on 127.0.0.1. The server uses the
// PostgreSQL database in E2E_DATABASE_URL (reached over its unix socket inside the namespace); the
// tests write their sessions and registrations there too.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromiumPath } from './tests/e2e/support/chromium';

const baseURL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:4302';
const port = new URL(baseURL).port || '4302';
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) {
	throw new Error(
		'playwright.live.config.ts needs E2E_DATABASE_URL: a fresh PostgreSQL database the tests can write to, e.g. postgres://postgres@localhost/mc_live?host=/var/run/postgresql (scripts/test.js creates one).'
	);
}

// Workers inherit it: tests/e2e/ir-live*.e2e.ts run only under this config, not the default one.
process.env.E2E_LIVE_ROOM = '1';

// E2E_MEDIA_BACKEND=janus runs the same tests with the server on Janus's VideoRoom: Janus is started
// beside the server (tests/e2e/support/with-janus.ts) inside the namespace scripts/test.js prepares.
const janus = process.env.E2E_MEDIA_BACKEND === 'janus';

/** Fake devices, sound without a click, and WebRTC over the loopback interface. */
export const LIVE_CHROMIUM_ARGS = [
	...CHROMIUM_ARGS,
	'--use-fake-device-for-media-stream',
	'--use-fake-ui-for-media-stream',
	'--allow-loopback-in-peer-connection',
	'--autoplay-policy=no-user-gesture-required'
];

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: 'ir-live*.e2e.ts',
	workers: 1,
	retries: 0,
	timeout: 240_000,
	reporter: 'list',
	outputDir: process.env.E2E_OUTPUT_DIR ?? (janus ? 'test-results/live-janus' : 'test-results/live'),
	use: {
		baseURL,
		locale: 'ko-KR',
		timezoneId: 'Asia/Seoul',
		trace: 'retain-on-failure',
		// A step that cannot happen (a button that never comes, a page that never loads) fails within a
		// minute and names itself, instead of waiting out a long media test's whole timeout.
		actionTimeout: 60_000,
		navigationTimeout: 60_000
	},
	projects: [
		{
			name: janus ? 'chromium-live-janus' : 'chromium-live',
			use: {
				browserName: 'chromium',
				launchOptions: { executablePath: resolveChromiumPath(), args: LIVE_CHROMIUM_ARGS }
			}
		}
	],
	webServer: {
		command: janus ? 'npx tsx tests/e2e/support/with-janus.ts node server.js' : 'node server.js',
		url: `${baseURL}/healthz`,
		reuseExistingServer: false,
		timeout: 180_000,
		env: {
			PORT: port,
			HOST: '127.0.0.1',
			DATABASE_URL: databaseUrl,
			SEED_DEMO: 'true',
			LOG_LEVEL: 'warn',
			MEDIA_LISTEN_IP: '127.0.0.1',
			MEDIA_ICE_SERVERS: '[]'
		} as Record<string, string>
	}
});
