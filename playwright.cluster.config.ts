// The live IR room on two portal nodes behind nginx (scripts/cluster.js, started by the spec itself so
// it can kill nodes), with Chromium's fake camera, inside a private network namespace with only `lo`
// (scripts/test.js). Nodes and tests share the PostgreSQL database in E2E_DATABASE_URL.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromiumPath } from './tests/e2e/support/chromium';

export const CLUSTER_NGINX_PORT = Number(process.env.E2E_CLUSTER_NGINX_PORT ?? 4310);

// Workers inherit it: tests/e2e/cluster*.e2e.ts run only under this config.
process.env.E2E_CLUSTER = '1';

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: 'cluster*.e2e.ts',
	workers: 1,
	retries: 0,
	timeout: 420_000,
	reporter: 'list',
	outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results/cluster',
	use: {
		baseURL: `http://127.0.0.1:${CLUSTER_NGINX_PORT}`,
		locale: 'ko-KR',
		timezoneId: 'Asia/Seoul',
		trace: 'retain-on-failure'
	},
	projects: [
		{
			name: 'chromium-cluster',
			use: {
				browserName: 'chromium',
				launchOptions: {
					executablePath: resolveChromiumPath(),
					args: [
						...CHROMIUM_ARGS,
						'--use-fake-device-for-media-stream',
						'--use-fake-ui-for-media-stream',
						'--allow-loopback-in-peer-connection',
						'--autoplay-policy=no-user-gesture-required'
					]
				}
			}
		}
	]
});
