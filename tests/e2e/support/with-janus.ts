// `tsx tests/e2e/support/with-janus.ts node server.js`: starts Janus (deploy/janus/, fresh secrets),
// runs the command with MEDIA_BACKEND=janus and the Janus URL and API secret in its environment, and
// stops Janus when the command ends. The live e2e's web server on the Janus backend (inside the
// namespace that scripts/test.js prepares with Janus's veth).
import { spawn } from 'node:child_process';
import { startJanus } from '../../support/janus';

const [command, ...args] = process.argv.slice(2);
if (!command) throw new Error('usage: tsx tests/e2e/support/with-janus.ts <command> [args…]');

const janus = await startJanus({
	httpPort: Number(process.env.JANUS_HTTP_PORT ?? 5618),
	adminPort: Number(process.env.JANUS_ADMIN_PORT ?? 5619)
});
const child = spawn(command, args, {
	stdio: 'inherit',
	env: {
		...process.env,
		MEDIA_BACKEND: 'janus',
		JANUS_URL: janus.url,
		JANUS_API_SECRET: janus.apiSecret,
		JANUS_ADMIN_SECRET: janus.adminSecret
	}
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
	void janus.stop().finally(() => process.exit(code ?? (signal ? 1 : 0)));
});
