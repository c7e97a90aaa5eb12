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
		// Scripts only from this origin and SvelteKit's own inline bootstrap, allowed by its hash (not a
		// per-response nonce: the same page may then be answered to several anonymous readers from the
		// public-page cache, and a nonce must never be seen twice); no framing.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'connect-src': ['self'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		alias: { $migrations: 'migrations' }
	}
};

export default config;
