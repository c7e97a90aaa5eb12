import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** Attaches socket.io (and the SFU signalling) to Vite's own HTTP server in development. */
function realtimeDevServer(): Plugin {
	return {
		name: 'medcluster-realtime',
		apply: 'serve',
		configureServer(server) {
			if (!server.httpServer) return;
			const httpServer = server.httpServer;
			httpServer.once('listening', async () => {
				const mod = await server.ssrLoadModule('/src/lib/server/app/realtime.ts');
				await mod.attachRealtime(httpServer);
			});
		}
	};
}

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'preferredLanguage', 'baseLocale']
		}),
		sveltekit(),
		realtimeDevServer()
	],
	build: {
		rolldownOptions: {
			output: {
				// Paraglide compiles every message to its own module; left alone, each becomes a chunk and a
				// page preloads ~150 of them (a 10 KB Link header, 150 requests). Group them by the pages
				// that use them instead.
				codeSplitting: {
					groups: [
						{
							name: 'messages',
							test: /paraglide[\\/]messages[\\/]/,
							entriesAware: true,
							entriesAwareMergeThreshold: 60_000
						}
					]
				}
			}
		}
	},
	test: {
		include: ['src/**/*.spec.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 120_000,
		fileParallelism: true,
		maxWorkers: 2
	}
});
