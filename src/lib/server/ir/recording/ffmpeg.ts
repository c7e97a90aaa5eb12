// Runs Debian's ffmpeg: the encoder list, and a run whose stdout lines (`-progress`, `framecrc`) reach a callback.
import { spawn } from 'node:child_process';

export function run(args: string[], onLine: (line: string) => void = () => {}): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.env.FFMPEG_PATH ?? 'ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
		let stderr = '';
		let pending = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			const lines = (pending + chunk).split('\n');
			pending = lines.pop() ?? '';
			lines.forEach(onLine);
		});
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			stderr = (stderr + chunk).slice(-4000);
		});
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}: ${stderr.trim()}`))
		);
	});
}

/** `ffmpeg -encoders`, or '' when ffmpeg is not installed. */
export function listEncoders(): Promise<string> {
	return new Promise((resolve) => {
		const child = spawn(process.env.FFMPEG_PATH ?? 'ffmpeg', ['-hide_banner', '-encoders'], {
			stdio: ['ignore', 'pipe', 'ignore']
		});
		let out = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
		child.on('error', () => resolve(''));
		child.on('close', () => resolve(out));
	});
}
