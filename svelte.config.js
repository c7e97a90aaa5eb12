import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		// CSRF origin check stays on; behind a TLS proxy set ORIGIN (see README).
		csrf: { trustedOrigins: [] },
		alias: { $migrations: 'migrations' }
	}
};

export default config;
