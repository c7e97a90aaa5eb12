// The built portal (`node server.js`) as a child process of a test, for tests that signal it or take
// its database away; its output is kept so a failure can show it.
import { spawn, type ChildProcess } from 'node:child_process';

export type PortalProcess = {
	baseURL: string;
	child: ChildProcess;
	/** stdout and stderr so far. */
	output(): string;
	/** Resolves with the exit code (null when killed by a signal). */
	exited: Promise<number | null>;
	kill(): Promise<void>;
};

export async function startPortal(options: {
	port: number;
	databaseUrl: string;
	env?: Record<string, string>;
}): Promise<PortalProcess> {
	const baseURL = `http://127.0.0.1:${options.port}`;
	const env: Record<string, string | undefined> = {
		...process.env,
		PORT: String(options.port),
		HOST: '127.0.0.1',
		ORIGIN: undefined,
		DATABASE_URL: options.databaseUrl,
		SEED_DEMO: 'true',
		LOG_LEVEL: 'info',
		...options.env
	};
	const child = spawn(process.execPath, ['server.js'], {
		env: env as NodeJS.ProcessEnv,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	const portal: PortalProcess = {
		baseURL,
		child,
		output: () => output,
		exited,
		async kill() {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
			await exited;
		}
	};
	const deadline = Date.now() + 180_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`The portal exited (${child.exitCode}) while starting:\n${output}`);
		const ok = await fetch(`${baseURL}/healthz`).then(
			(r) => r.ok,
			() => false
		);
		if (ok) return portal;
		if (Date.now() > deadline) {
			await portal.kill();
			throw new Error(`The portal did not start in time:\n${output}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** Signs in through the login form like a browser would; returns the session cookie header. */
export async function signInCookie(baseURL: string, email: string, password: string): Promise<string> {
	const response = await fetch(`${baseURL}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: baseURL,
			cookie: 'PARAGLIDE_LOCALE=ko'
		},
		body: new URLSearchParams({ email, password })
	});
	const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
	if (response.status !== 303 || !cookies.some((c) => c.startsWith('mc_session='))) {
		throw new Error(`Sign-in as ${email} failed: ${response.status} ${await response.text()}`);
	}
	return cookies.join('; ');
}
