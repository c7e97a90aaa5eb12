import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// BUILD_DIR lets two builds (say, a test run and a developer's) live side by side.
		adapter: adapter({ out: process.env.BUILD_DIR ?? 'build' }),
		// CSRF origin check stays on; behind a TLS proxy set ORIGIN (see README).
		csrf: { trustedOrigins: [] },
		alias: { $migrations: 'migrations' }
	}
};

export default config;
