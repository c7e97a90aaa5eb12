// Sends queued e-mail through SMTP_URL; without it, mail stays in the outbox for the operator to read.
import type { Runtime } from '../runtime';
import * as notifyRepository from './repository';

const INTERVAL_MS = 5_000;
const BATCH = 20;

export function startMailWorker(runtime: Runtime): () => Promise<void> {
	const { SMTP_URL, MAIL_FROM } = runtime.config;
	if (!SMTP_URL) return async () => {};
	let stopped = false;
	let running: Promise<void> = Promise.resolve();

	const tick = async () => {
		const { createTransport } = await import('nodemailer');
		const transport = createTransport(SMTP_URL);
		const db = runtime.database.db;
		// Claim, then send outside any transaction: a slow SMTP server must not hold a connection.
		for (const email of await notifyRepository.claimQueuedEmails(db, BATCH)) {
			try {
				await transport.sendMail({
					from: MAIL_FROM,
					to: email.to_address,
					subject: email.subject,
					text: email.body_text
				});
				await notifyRepository.markEmailResult(db, email.id, null);
			} catch (error) {
				runtime.logger.warn({ err: error, emailId: email.id }, 'e-mail not sent');
				await notifyRepository.markEmailResult(db, email.id, String(error).slice(0, 500));
			}
		}
		transport.close();
	};

	const timer = setInterval(() => {
		if (stopped) return;
		running = running.then(tick).catch((error) => runtime.logger.error({ err: error }, 'mail worker failed'));
	}, INTERVAL_MS);

	return async () => {
		stopped = true;
		clearInterval(timer);
		await running;
	};
}
